package app.proxyme.engine.adapter.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.connect.AccountNotConnectedException;
import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.connect.RateLimitedException;
import app.proxyme.domain.policy.Member;
import app.proxyme.engine.testsupport.ScriptedHttp;
import app.proxyme.engine.testsupport.ScriptedHttp.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Posting to Slack's {@code chat.postMessage} against a local stub. */
class SlackChannelTest {
    private static final Member AE = new Member("ae@acme.test", "acme", "account_executive", "Alex");
    private static final FederatedToken TOKEN =
            new FederatedToken("slack", "xoxp-123", "chat:write", Instant.now().plusSeconds(600), "auth0");

    private static OutgoingMessage to(String channel) {
        return new OutgoingMessage(
                "slack", channel, "product", "m-1", "Thanks for the call: the export doc is attached.");
    }

    @Test
    void it_posts_as_the_user_and_answers_each_refusal_for_what_it_is() throws Exception {
        try (var slack = new ScriptedHttp()) {
            slack.on("/api/chat.postMessage", r -> {
                String channel;
                try {
                    channel = new ObjectMapper()
                            .readTree(r.body())
                            .path("channel")
                            .asText();
                } catch (Exception e) {
                    return Reply.json(400, "{}");
                }
                return switch (channel) {
                    case "C1" -> Reply.json(200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1733220000.000100\"}");
                    case "revoked" -> Reply.json(200, "{\"ok\":false,\"error\":\"token_revoked\"}");
                    case "nowhere" -> Reply.json(200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
                    case "busy" ->
                        Reply.json(429, "{\"ok\":false,\"error\":\"ratelimited\"}")
                                .header("Retry-After", "30");
                    default -> Reply.json(500, "oops");
                };
            });
            var channel = new SlackChannel(slack.base() + "/api");
            assertEquals("1733220000.000100", channel.deliver(AE, TOKEN, to("C1")));
            var sent = slack.seen("/api/chat.postMessage").getFirst();
            assertEquals("Bearer xoxp-123", sent.header("authorization"));
            var body = new ObjectMapper().readTree(sent.body());
            assertEquals("C1", body.get("channel").asText());
            assertEquals(to("C1").text(), body.get("text").asText());

            assertThrows(AccountNotConnectedException.class, () -> channel.deliver(AE, TOKEN, to("revoked")));
            var bad = assertThrows(DomainException.class, () -> channel.deliver(AE, TOKEN, to("nowhere")));
            assertEquals(DomainException.Kind.BAD_REQUEST, bad.kind());
            var busy = assertThrows(RateLimitedException.class, () -> channel.deliver(AE, TOKEN, to("busy")));
            assertEquals(Duration.ofSeconds(30), busy.retryAfter());
            assertThrows(DependencyUnavailableException.class, () -> channel.deliver(AE, TOKEN, to("broken")));
        }
    }
}
