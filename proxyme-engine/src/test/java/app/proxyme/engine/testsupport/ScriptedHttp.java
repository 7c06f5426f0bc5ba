package app.proxyme.engine.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server for contract tests of connected adapters: each path answers what the test scripts, after an
 * optional delay, and every request is kept (method, path, headers, body) to check what the client sent.
 */
public final class ScriptedHttp implements AutoCloseable {
    /** A request as it arrived. */
    public record Seen(String method, String path, Map<String, String> headers, String body) {
        /** The body as an {@code application/x-www-form-urlencoded} form. */
        public Map<String, String> form() {
            var out = new LinkedHashMap<String, String>();
            for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
                int eq = pair.indexOf('=');
                out.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }

        /** A header, by its name in lower case. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** An answer: status, JSON body, extra headers, and how long to wait before it. */
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO);
        }

        public Reply header(String name, String value) {
            var h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public ScriptedHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests to {@code path} with {@code script}. */
    public ScriptedHttp on(String path, Function<Seen, Reply> script) {
        server.createContext(path, x -> answer(x, script));
        return this;
    }

    /** The requests to {@code path} so far, oldest first. */
    public List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    private void answer(HttpExchange x, Function<Seen, Reply> script) throws IOException {
        var headers = new LinkedHashMap<String, String>();
        x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
        var request = new Seen(
                x.getRequestMethod(),
                x.getRequestURI().getPath(),
                headers,
                new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        seen.add(request);
        Reply reply = script.apply(request);
        try {
            Thread.sleep(reply.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
        try {
            x.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                x.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
