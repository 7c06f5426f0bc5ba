package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Suggestion held = new Suggestion(
            "sg_1",
            "acme",
            "m1",
            "jae@acme.test",
            12,
            "pricing",
            "30% off",
            SuggestionStatus.PENDING_APPROVAL,
            "ap_1",
            ApprovalStatus.PENDING,
            now,
            now.plusSeconds(120),
            null);

    @Test
    void an_approval_message_may_say_where_it_is_asked_and_why() {
        var m = Messages.approval(held, "overlay", "Not pushed to your phone: no push enrolment. Approve here.");

        assertEquals("approval", m.get("type"));
        assertEquals("ap_1", m.get("approvalId"));
        assertEquals("PENDING", m.get("status"));
        assertEquals("overlay", m.get("channel"));
        assertEquals("Not pushed to your phone: no push enrolment. Approve here.", m.get("note"));
        assertFalse(Messages.approval(held, "b").containsKey("channel"), "an embedded request names no channel");
    }

    @Test
    void a_failed_approval_is_final_on_the_suggestion_too() {
        var failed = held.decided(ApprovalStatus.FAILED, "engine");

        assertEquals(
                "FAILED", Messages.approval(failed, "push", "invalid_grant").get("status"));
        assertEquals("FAILED", Messages.suggestion(failed).get("status"));
    }
}
