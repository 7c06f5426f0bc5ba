package app.proxyme.engine.adapter.slack;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.connect.AccountNotConnectedException;
import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.connect.RateLimitedException;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.ThirdParty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Posts a message with Slack's Web API ({@code POST <api>/chat.postMessage}, {@code Authorization: Bearer} the user's
 * Slack token, JSON {@code {"channel","text"}}), as the user. Slack answers 200 with {@code {"ok":true,"ts"}} or
 * {@code {"ok":false,"error"}}: a revoked or missing authorization means the user must connect Slack again; an
 * unknown channel is the caller's mistake; 429 carries {@code Retry-After}.
 */
public final class SlackChannel implements ThirdParty {
    public static final String DEFAULT_API = "https://slack.com/api";
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> NOT_CONNECTED =
            Set.of("not_authed", "invalid_auth", "token_revoked", "token_expired", "account_inactive", "missing_scope");
    private static final Set<String> BAD_CHANNEL = Set.of("channel_not_found", "not_in_channel", "is_archived");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI postMessage;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param api Slack's Web API base ({@value #DEFAULT_API}; a local stub in tests) */
    public SlackChannel(String api) {
        this.postMessage = URI.create((api.endsWith("/") ? api : api + "/") + "chat.postMessage");
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public boolean handles(String connection) {
        return connection.equals(name());
    }

    @Override
    public String deliver(Member sender, FederatedToken token, OutgoingMessage message) {
        HttpResponse<String> response;
        try {
            String body = JSON.writeValueAsString(Map.of("channel", message.channel(), "text", message.text()));
            response = http.send(
                    HttpRequest.newBuilder(postMessage)
                            .timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + token.accessToken())
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DependencyUnavailableException("slack", "Slack did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("slack", "interrupted while posting to Slack");
        }
        if (response.statusCode() == 429) {
            long seconds = response.headers()
                    .firstValue("Retry-After")
                    .filter(v -> v.strip().matches("\\d{1,6}"))
                    .map(v -> Long.parseLong(v.strip()))
                    .orElse(1L);
            throw new RateLimitedException("slack", Duration.ofSeconds(seconds));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new DependencyUnavailableException(
                    "slack", "Slack answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() == 200 && answer.path("ok").asBoolean(false)) {
            return answer.path("ts").asText("");
        }
        String error = answer.path("error").asText("unknown_error");
        if (NOT_CONNECTED.contains(error)) {
            throw new AccountNotConnectedException("slack", error);
        }
        if (BAD_CHANNEL.contains(error)) {
            throw DomainException.badRequest("Slack cannot post to " + message.channel() + ": " + error);
        }
        throw new DependencyUnavailableException("slack", "Slack refused the message: " + error);
    }
}
