package app.proxyme.engine.adapter.ciba;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two CIBA calls of the Auth0 Authentication API, over the JDK's HTTP client (CONTRACTS.md, "Auth0 CIBA"): the
 * client authenticates with its secret in the form ({@code client_secret_post}, as Auth0's SDK does). Errors become
 * answers, never exceptions; the secret and the tokens are never logged or kept.
 */
public final class CibaClient {
    static final String GRANT = "urn:openid:params:grant-type:ciba";
    static final String DETAILS_TYPE = "proxyme_suggestion";
    /** Auth0's default poll interval, used when it names none. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_DETAIL = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CibaSettings settings;
    private final HttpClient http;

    public CibaClient(CibaSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * What a push asks for.
     *
     * @param subject the user's identity-provider subject ({@code auth0|...})
     * @param bindingMessage shown on the phone and the overlay
     * @param topic the suggestion's topic
     * @param approvalId the approval
     * @param textSha256 hex SHA-256 of the full suggestion text (the phone shows a preview, the token binds the text)
     * @param requestedExpiry seconds, 1–300 (a push, not an e-mail)
     */
    record Push(
            String subject,
            String bindingMessage,
            String topic,
            String approvalId,
            String textSha256,
            long requestedExpiry) {}

    /** {@code POST /bc-authorize}. */
    Authorization authorize(Push push) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("scope", "openid");
        if (settings.audience() != null) {
            form.put("audience", settings.audience());
        }
        form.put("login_hint", loginHint(push.subject()));
        form.put("binding_message", push.bindingMessage());
        form.put("requested_expiry", Long.toString(push.requestedExpiry()));
        form.put("authorization_details", authorizationDetails(push));
        HttpResponse<String> r;
        try {
            r = post("/bc-authorize", form);
        } catch (IOException e) {
            return new Authorization.NotStarted(Authorization.Why.UNREACHABLE, describe(e));
        }
        int status = r.statusCode();
        JsonNode body = parse(r.body());
        if (status == 200 && body.hasNonNull("auth_req_id")) {
            return new Authorization.Started(
                    body.get("auth_req_id").asText(),
                    Duration.ofSeconds(body.path("expires_in").asLong(push.requestedExpiry())),
                    seconds(body.path("interval"), DEFAULT_INTERVAL));
        }
        if (status == 429) {
            return new Authorization.NotStarted(Authorization.Why.RATE_LIMITED, errorOf(body, "too_many_requests"));
        }
        if (status >= 500 || status == 200) {
            return new Authorization.NotStarted(Authorization.Why.UNREACHABLE, "HTTP " + status);
        }
        String error = body.path("error").asText("");
        return new Authorization.NotStarted(
                error.equals("invalid_request") ? Authorization.Why.NOT_ENROLLED : Authorization.Why.REFUSED,
                errorOf(body, "HTTP " + status));
    }

    /** {@code POST /oauth/token} with the CIBA grant. */
    PollAnswer poll(String authReqId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT);
        form.put("auth_req_id", authReqId);
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        HttpResponse<String> r;
        try {
            r = post("/oauth/token", form);
        } catch (IOException e) {
            return new PollAnswer.Unreachable(describe(e));
        }
        int status = r.statusCode();
        JsonNode body = parse(r.body());
        Duration retryAfter = retryAfter(r);
        if (status == 200) {
            return body.hasNonNull("access_token") || body.hasNonNull("id_token")
                    ? new PollAnswer.Approved()
                    : new PollAnswer.Refused("invalid_response", "a 200 without tokens");
        }
        if (status == 429) {
            return new PollAnswer.RateLimited(retryAfter);
        }
        if (status >= 500) {
            return new PollAnswer.Unreachable("HTTP " + status);
        }
        String error = body.path("error").asText("");
        String description = clip(body.path("error_description").asText(null));
        return switch (error) {
            case "authorization_pending" -> new PollAnswer.Pending();
            case "slow_down" -> new PollAnswer.SlowDown(seconds(body.path("interval"), null), retryAfter);
            case "access_denied" -> new PollAnswer.Denied(description);
            case "expired_token" -> new PollAnswer.Expired();
            case "" -> new PollAnswer.Refused("http_" + status, description);
            default -> new PollAnswer.Refused(error, description);
        };
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code {"format":"iss_sub","iss":"<issuer>","sub":"<subject>"}}. */
    String loginHint(String subject) {
        ObjectNode hint = JSON.createObjectNode();
        hint.put("format", "iss_sub");
        hint.put("iss", settings.issuer());
        hint.put("sub", subject);
        return hint.toString();
    }

    /** {@code [{"type":"proxyme_suggestion","topic",…,"approval_id",…,"suggestion_sha256",…}]}. */
    static String authorizationDetails(Push push) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("type", DETAILS_TYPE);
        detail.put("topic", push.topic());
        detail.put("approval_id", push.approvalId());
        detail.put("suggestion_sha256", push.textSha256());
        return JSON.createArrayNode().add(detail).toString();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Duration seconds(JsonNode n, Duration fallback) {
        return n.canConvertToLong() && n.asLong() > 0 ? Duration.ofSeconds(n.asLong()) : fallback;
    }

    /** {@code Retry-After} in seconds; {@code null} when absent or an HTTP date (rare for Auth0). */
    private static Duration retryAfter(HttpResponse<?> r) {
        return r.headers()
                .firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }

    private static String errorOf(JsonNode body, String fallback) {
        String error = body.path("error").asText("");
        String description = clip(body.path("error_description").asText(null));
        if (error.isEmpty()) {
            return description == null ? fallback : description;
        }
        return description == null || description.isBlank() ? error : error + ": " + description;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return clip(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "…";
    }
}
