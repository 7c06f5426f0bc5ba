package app.proxyme.engine.adapter.llm;

import app.proxyme.domain.DependencyUnavailableException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The chat completions client of an OpenAI-compatible server ({@code POST {base}/chat/completions},
 * {@code Authorization: Bearer <key>}; CONTRACTS.md): Groq by default, or OpenAI, Ollama, vLLM, llama.cpp.
 *
 * <p><b>One deadline per call.</b> Every {@link #complete} has {@link #deadline()} (3 s by default) from the moment it
 * is called, whatever happens: the request runs on a virtual thread that is abandoned (interrupted, which closes its
 * socket) when the deadline passes; a {@code 429} or {@code 5xx} is tried again after its {@code Retry-After} (or a
 * short backoff) only when that leaves time for another attempt before the deadline, else the call fails at once. The
 * deadline lives here rather than in MicroProfile Fault Tolerance annotations because {@code @Timeout} bounds each
 * attempt, not the call, and {@code @Retry} cannot read {@code Retry-After}; the runtime adds what annotations do
 * express well — a circuit breaker and a bulkhead — on a guarded bean around this client.
 *
 * <p>Failures are {@link DependencyUnavailableException} ({@code llm}) with a message that names the status, never the
 * key; a refused key (401/403) is logged once as such, without the key and without the server's body.
 */
public final class OpenAiChat implements LanguageModel, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OpenAiChat.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Groq's OpenAI-compatible base URL, the default. */
    public static final String DEFAULT_BASE = "https://api.groq.com/openai/v1";
    /** The default model (Groq). */
    public static final String DEFAULT_MODEL = "llama-3.3-70b-versatile";
    /** The default deadline of one call, retries included. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(3);

    /** Another attempt is made only when at least this much time is left for it. */
    static final Duration MIN_ATTEMPT = Duration.ofMillis(250);
    /** The wait before another attempt when the server names none. */
    static final Duration BACKOFF = Duration.ofMillis(150);
    /** At most this many attempts per call. */
    static final int MAX_ATTEMPTS = 4;

    private final URI base;
    private final String authorization;
    private final String model;
    private final Duration deadline;
    private final ChatCompletionsApi api;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean keyRefusalLogged;

    /**
     * @param base the server's OpenAI-compatible base URL, such as {@value #DEFAULT_BASE}
     * @param apiKey the bearer key (never logged)
     * @param model the model to ask, such as {@value #DEFAULT_MODEL}
     * @param deadline how long one call may take, retries included
     */
    public OpenAiChat(URI base, String apiKey, String model, Duration deadline) {
        this.base = URI.create(stripSlash(Objects.requireNonNull(base, "base").toString()));
        this.authorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey");
        this.model = Objects.requireNonNull(model, "model");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        this.deadline = deadline;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(this.base)
                .connectTimeout(Math.min(deadline.toMillis(), 2000), TimeUnit.MILLISECONDS)
                // a backstop: the deadline below abandons a slower call first
                .readTimeout(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(ChatCompletionsApi.class);
    }

    public Duration deadline() {
        return deadline;
    }

    @Override
    public String toString() {
        return "OpenAiChat[base=" + base + ", model=" + model + ", deadline=" + deadline.toMillis() + " ms]";
    }

    @Override
    public String complete(Chat chat) {
        long end = System.nanoTime() + deadline.toNanos();
        String body = body(chat);
        for (int attempt = 1; ; attempt++) {
            Reply reply = send(body, end, chat.purpose());
            if (reply.status() == 200) {
                return content(reply.body(), chat.purpose());
            }
            if (reply.status() == 401 || reply.status() == 403) {
                if (!keyRefusalLogged) {
                    keyRefusalLogged = true;
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "the language model at " + base + " refused the API key (" + reply.status()
                                    + "): check PROXYME_LLM_API_KEY; until then the local classifier decides and"
                                    + " the playbook answers");
                }
                throw unavailable(chat.purpose(), "the server refused the API key (" + reply.status() + ")");
            }
            boolean retryable = reply.status() == 429 || reply.status() >= 500 || reply.status() < 0;
            if (!retryable) {
                throw unavailable(chat.purpose(), "the server answered " + reply.status());
            }
            Duration wait = reply.retryAfter().orElse(BACKOFF.multipliedBy(attempt));
            long left = end - System.nanoTime();
            if (attempt >= MAX_ATTEMPTS || wait.plus(MIN_ATTEMPT).toNanos() > left) {
                throw unavailable(
                        chat.purpose(),
                        reply.describe() + " after " + attempt + " attempt(s); another one (in " + wait.toMillis()
                                + " ms) would not fit the " + deadline.toMillis() + " ms deadline");
            }
            pause(wait, chat.purpose());
        }
    }

    /** The request body: the model, both messages (the data last), temperature 0, and the JSON format if asked. */
    String body(Chat chat) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        var messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", chat.system());
        messages.addObject().put("role", "user").put("content", chat.user());
        root.put("temperature", 0);
        root.put("max_tokens", chat.maxTokens());
        if (chat.json()) {
            root.putObject("response_format").put("type", "json_object");
        }
        return root.toString();
    }

    /** What one attempt got: a status (negative: no answer) and, for a retry, how long the server asked to wait. */
    private record Reply(int status, String body, Optional<Duration> retryAfter, String failure) {
        String describe() {
            return status < 0 ? failure : "the server answered " + status;
        }
    }

    private Reply send(String body, long end, String purpose) {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw unavailable(purpose, "no reply within the " + deadline.toMillis() + " ms deadline");
        }
        Future<Reply> call = calls.submit(() -> {
            try (Response r = api.create(authorization, body)) {
                String text = r.hasEntity() ? r.readEntity(String.class) : "";
                return new Reply(r.getStatus(), text, retryAfter(r), null);
            }
        });
        try {
            return call.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw unavailable(purpose, "no reply within the " + deadline.toMillis() + " ms deadline");
        } catch (ExecutionException e) {
            // no answer at all (refused connection, reset, read timeout): worth another attempt if time is left
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Reply(-1, "", Optional.empty(), "no answer (" + rootCause(cause) + ")");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw unavailable(purpose, "interrupted while waiting for the model");
        }
    }

    /** The reply's text: {@code choices[0].message.content} of a chat completion, or a failure. */
    private String content(String body, String purpose) {
        JsonNode content;
        try {
            content =
                    JSON.readTree(body).path("choices").path(0).path("message").path("content");
        } catch (IOException e) {
            throw unavailable(purpose, "the server's answer is not JSON");
        }
        if (!content.isTextual()) {
            throw unavailable(purpose, "the server's answer is not a chat completion (no choices[0].message.content)");
        }
        return content.asText();
    }

    /** {@code Retry-After} in seconds or as an HTTP date (or OpenAI's {@code retry-after-ms}), when present. */
    static Optional<Duration> retryAfter(Response r) {
        String ms = r.getHeaderString("retry-after-ms");
        if (ms != null && ms.strip().matches("\\d{1,9}(\\.\\d+)?")) {
            return Optional.of(Duration.ofMillis((long) Double.parseDouble(ms.strip())));
        }
        return parseRetryAfter(r.getHeaderString("Retry-After"));
    }

    static Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}(\\.\\d+)?")) {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
        }
        try {
            Duration until =
                    Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void pause(Duration wait, String purpose) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(purpose, "interrupted while waiting to try again");
        }
    }

    private static DependencyUnavailableException unavailable(String purpose, String why) {
        return new DependencyUnavailableException("llm", purpose + ": " + why);
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        if (api instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
