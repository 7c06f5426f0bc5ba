package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.BindingMessage;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.port.out.StepUpApproval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StepUpApproval} promises: a request for a held suggestion reaches its own user's devices, once,
 * with the binding message unchanged; a request that cannot be sent fails with {@link DependencyUnavailableException}
 * (the approval then stays pending in the overlay). Extended once per adapter.
 */
public abstract class StepUpApprovalContractTest {
    /** What reached a user's devices: whose approval, for whom, and the message both devices show. */
    public record Delivery(String org, String user, String approvalId, String bindingMessage) {}

    /** The adapter under test. */
    protected abstract StepUpApproval subject();

    /** What reached the users' devices so far, in order. */
    protected abstract List<Delivery> delivered();

    /** Makes the users' devices unreachable (the push service is down, the connection broke, ...). */
    protected abstract void makeUnreachable();

    @Test
    void the_request_reaches_the_users_devices_with_the_binding_message() {
        var held = held("acme", "jae@acme.test", "pricing", "We can offer 30% off a 3-year term.");
        String binding = BindingMessage.of(held.topic(), held.text());

        subject().request(held, binding);

        assertEquals(List.of(new Delivery("acme", "jae@acme.test", held.approvalId(), binding)), delivered());
    }

    @Test
    void each_request_reaches_its_own_user() {
        var jae = held("acme", "jae@acme.test", "security", "We are SOC 2 Type II certified.");
        var sam = held("globex", "sam@globex.test", "pricing", "List price is 40 dollars a seat.");

        subject().request(jae, "Approve:security:we-are-soc");
        subject().request(sam, "Approve:pricing:list-price");

        assertEquals(
                List.of(
                        new Delivery("acme", "jae@acme.test", jae.approvalId(), "Approve:security:we-are-soc"),
                        new Delivery("globex", "sam@globex.test", sam.approvalId(), "Approve:pricing:list-price")),
                delivered());
    }

    @Test
    void a_request_that_cannot_be_sent_fails_with_dependency_unavailable() {
        makeUnreachable();

        var held = held("acme", "jae@acme.test", "pricing", "We can offer 10% off.");
        assertThrows(
                DependencyUnavailableException.class,
                () -> subject().request(held, BindingMessage.of(held.topic(), held.text())));
    }

    private static Suggestion held(String org, String user, String topic, String text) {
        Instant now = Instant.parse("2030-02-01T10:00:00Z");
        return new Suggestion(
                Ids.next("sg"),
                org,
                "m-" + Ids.next("m"),
                user,
                3,
                topic,
                text,
                SuggestionStatus.PENDING_APPROVAL,
                Ids.next("ap"),
                ApprovalStatus.PENDING,
                now,
                now.plusSeconds(120),
                null);
    }
}
