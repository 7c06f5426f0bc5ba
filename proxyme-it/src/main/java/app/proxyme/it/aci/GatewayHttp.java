package app.proxyme.it.aci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Proxy Me's HTTP API as an agent or a user reaches it: JSON in, status and JSON out, nothing else shared. */
public final class GatewayHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** @param base e.g. {@code http://127.0.0.1:8080} (no trailing slash needed) */
    public GatewayHttp(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** A response: its status and body. */
    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** This reply, or an exception naming what was asked and what came back when its status is not {@code expected}. */
        public Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }

    public Reply get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Reply post(String path, String token, String contentType, String body) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    public Reply postJson(String path, String token, Object body) {
        return post(path, token, "application/json", json(body));
    }

    public Reply putJson(String path, String token, Object body) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json(body))),
                token);
    }

    /** A demo user's bearer token (embedded mode's sign-in, {@code POST /api/dev/login}). */
    public String login(String email) {
        return postJson("/api/dev/login", null, java.util.Map.of("email", email))
                .expect(200, "sign-in of " + email)
                .json()
                .get("token")
                .asText();
    }

    /** A form value, URL-encoded. */
    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
