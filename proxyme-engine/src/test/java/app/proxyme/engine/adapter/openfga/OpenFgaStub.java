package app.proxyme.engine.adapter.openfga;

import app.proxyme.engine.fga.CheckRequest;
import app.proxyme.engine.fga.FgaEngine;
import app.proxyme.engine.fga.FgaException;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.FgaSettings;
import app.proxyme.engine.fga.InMemoryTupleStore;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleCondition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server speaking the part of OpenFGA's API the adapter uses (CONTRACTS.md): write a model,
 * batch-check (with each check's context), write and read (tuples with their condition and stored context). As a
 * server does, it keeps every model written, answers a request with the model it names or else the newest, and
 * refuses a write whose tuple that model does not admit (a condition it does not declare). It answers with the
 * embedded evaluator over its own tuples, conditions included; it can fail or stall.
 */
final class OpenFgaStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final InMemoryTupleStore tuples = new InMemoryTupleStore();
    final List<String> requests = new ArrayList<>();
    final AtomicInteger models = new AtomicInteger();
    /** Every model written, by id, in order. */
    final Map<String, FgaModel> written = new java.util.concurrent.ConcurrentSkipListMap<>();

    volatile int status = 200;
    /** Whether model writes fail with 500 (other requests answer). */
    volatile boolean failModels;

    volatile long delayMs;
    /** The write request (1-based) that fails with 500, and its retry by the SDK; 0 for none. */
    volatile int failWrite;

    private final AtomicInteger writes = new AtomicInteger();
    private final HttpServer server;
    private volatile String newest;

    OpenFgaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/stores/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The adapter connected to this stub (the model written at connect), with a 1.5 s overall timeout. */
    OpenFga connect(FgaModel withModel) {
        return OpenFga.connect(settings(Duration.ofMillis(1500)), withModel, List.of());
    }

    /** Settings that reach this stub's store with a pre-shared token and the given overall timeout. */
    FgaSettings settings(Duration timeout) {
        return settings(timeout, null);
    }

    /** Settings that reach this stub's store, every call naming {@code modelId} (or none). */
    FgaSettings settings(Duration timeout, String modelId) {
        return new FgaSettings("openfga", url(), "01STORE", modelId, "secret-token", null, null, null, null, timeout);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String op = path.substring(path.lastIndexOf('/') + 1);
            requests.add(ex.getRequestMethod() + " " + op);
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (status != 200) {
                reply(ex, status, Map.of("code", "internal_error", "message", "stub failure"));
                return;
            }
            switch (op) {
                case "authorization-models" -> writeModel(ex, body);
                case "batch-check" -> reply(ex, 200, Map.of("result", batchCheck(body)));
                case "write" -> write(ex, body);
                case "read" -> reply(ex, 200, Map.of("tuples", read(), "continuation_token", ""));
                default -> reply(ex, 404, Map.of("code", "undefined_endpoint", "message", op));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeModel(HttpExchange ex, JsonNode body) throws IOException {
        if (failModels) {
            reply(ex, 500, Map.of("code", "internal_error", "message", "model write failed"));
            return;
        }
        String id = "01MODEL%04d".formatted(models.incrementAndGet());
        written.put(id, FgaModel.fromJson(body.toString()));
        newest = id;
        reply(ex, 201, Map.of("authorization_model_id", id));
    }

    /** Makes the next write request (and the SDK's retry of it) fail with 500. */
    void failNextWrite() {
        failWrite = writes.get() + 1;
    }

    /** The newest model written, or {@code null}. */
    FgaModel newestModel() {
        return newest == null ? null : written.get(newest);
    }

    /** The model the request names, or the newest. */
    private FgaModel model(JsonNode body) {
        String id = body.path("authorization_model_id").asText("");
        return id.isBlank() ? newestModel() : written.get(id);
    }

    private Map<String, Object> batchCheck(JsonNode body) {
        var engine = new FgaEngine(model(body), tuples);
        var result = new LinkedHashMap<String, Object>();
        for (JsonNode c : body.path("checks")) {
            JsonNode k = c.path("tuple_key");
            var answer = new LinkedHashMap<String, Object>();
            try {
                answer.put(
                        "allowed",
                        engine.check(new CheckRequest(
                                k.path("user").asText(),
                                k.path("relation").asText(),
                                k.path("object").asText(),
                                List.of(),
                                context(c.path("context")))));
            } catch (FgaException e) {
                answer.put("allowed", false);
                answer.put("error", Map.of("input_error", "validation_error", "message", e.getMessage()));
            }
            result.put(c.path("correlation_id").asText(), answer);
        }
        return result;
    }

    private void write(HttpExchange ex, JsonNode body) throws IOException {
        int n = writes.incrementAndGet();
        if (failWrite > 0 && (n == failWrite || n == failWrite + 1)) {
            reply(ex, 500, Map.of("code", "internal_error", "message", "write failed"));
            return;
        }
        var model = model(body);
        var keys = keys(body.path("writes").path("tuple_keys"));
        for (Tuple t : keys) {
            if (model == null || !model.accepts(t)) {
                reply(ex, 400, Map.of("code", "validation_error", "message", "invalid tuple " + t + " for the model"));
                return;
            }
        }
        tuples.write(keys);
        tuples.delete(keys(body.path("deletes").path("tuple_keys")));
        reply(ex, 200, Map.of());
    }

    private List<Map<String, Object>> read() {
        return tuples.read("").stream()
                .map(t -> Map.<String, Object>of("key", key(t), "timestamp", "2025-01-01T00:00:00Z"))
                .toList();
    }

    private static Map<String, Object> key(Tuple t) {
        var key = new LinkedHashMap<String, Object>(
                Map.of("user", t.user(), "relation", t.relation(), "object", t.object()));
        if (t.condition() != null) {
            key.put(
                    "condition",
                    Map.of(
                            "name",
                            t.condition().name(),
                            "context",
                            t.condition().context()));
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(JsonNode node) {
        return node.isObject() ? JSON.convertValue(node, Map.class) : Map.of();
    }

    private static List<Tuple> keys(JsonNode list) {
        var result = new ArrayList<Tuple>();
        list.forEach(k -> result.add(new Tuple(
                k.path("object").asText(),
                k.path("relation").asText(),
                k.path("user").asText(),
                k.path("condition").hasNonNull("name")
                        ? new TupleCondition(
                                k.path("condition").get("name").asText(),
                                context(k.path("condition").path("context")))
                        : null)));
        return result;
    }

    private static void reply(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
