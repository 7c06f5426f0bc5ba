package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.JoinMeeting;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.engine.approval.ApprovalDesk;
import app.proxyme.engine.meeting.MeetingAttendance;
import app.proxyme.engine.meeting.TopicSwitches;
import app.proxyme.engine.policy.PolicySeeder;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit first (issue 11) with the real JPA adapters on an H2 file: what a reconnecting overlay sees never runs ahead
 * of the audit trail.
 */
class AuditFirstH2Test {
    @TempDir
    Path dir;

    private Database db;
    private AuditLog log;
    private Member jae;
    private final String meeting = "m-" + Ids.next("m").substring(2, 14);

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
        log = db.auditLog(Clock.systemUTC());
        jae = db.policyStore().member("jae@acme.test").orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JoinMeeting.MeetingState reconnect() {
        var switches = new TopicSwitches(db.policyStore(), db.meetingStore(), log);
        return new MeetingAttendance(db.meetingStore(), db.suggestionStore(), switches).join(jae, meeting);
    }

    /** A database-level refusal of one event type: the audit append fails for real, the other tables work. */
    private void refuseEvents(String type) throws Exception {
        try (var c = DriverManager.getConnection(Database.h2FileUrl(dir), "sa", "")) {
            c.createStatement()
                    .execute("ALTER TABLE audit_events ADD CONSTRAINT refuse_" + type + " CHECK (event_type <> '" + type
                            + "')");
        }
    }

    private void acceptEvents(String type) throws Exception {
        try (var c = DriverManager.getConnection(Database.h2FileUrl(dir), "sa", "")) {
            c.createStatement().execute("ALTER TABLE audit_events DROP CONSTRAINT refuse_" + type);
        }
    }

    @Test
    void after_an_audit_failure_a_reconnecting_overlay_shows_no_decision_that_is_not_in_the_trail() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var held = new Suggestion(
                Ids.next("sg"),
                "acme",
                meeting,
                jae.email(),
                3,
                "security",
                "We are SOC 2 Type II certified.",
                SuggestionStatus.PENDING_APPROVAL,
                Ids.next("ap"),
                ApprovalStatus.PENDING,
                now,
                now.plusSeconds(120),
                null);
        db.meetingStore().join("acme", meeting, jae.email());
        db.suggestionStore().save(held);
        var told = new ArrayList<Suggestion>();
        var desk = new ApprovalDesk(db.suggestionStore(), log, Clock.systemUTC(), told::add);
        refuseEvents("approval_decided");

        var e = assertThrows(DependencyUnavailableException.class, () -> desk.decide(jae, held.approvalId(), true));

        assertEquals("audit", e.dependency(), "the JPA audit log reports its failure as the port promises");
        var state = reconnect();
        assertEquals(
                List.of(SuggestionStatus.PENDING_APPROVAL),
                state.suggestions().stream().map(Suggestion::status).toList(),
                "not APPROVED: there is no approval_decided event");
        assertTrue(decisionsInTrail().isEmpty());
        assertTrue(told.isEmpty(), "no device was told");
        assertEquals(List.of(held), desk.pending(jae), "still pending for the phone page");

        acceptEvents("approval_decided");
        desk.decide(jae, held.approvalId(), true);

        assertEquals(
                List.of(SuggestionStatus.APPROVED),
                reconnect().suggestions().stream().map(Suggestion::status).toList());
        assertEquals(List.of("APPROVED"), decisionsInTrail());
        assertEquals(1, told.size());
    }

    @Test
    void after_an_audit_failure_a_reconnecting_overlay_shows_the_switch_as_it_was() throws Exception {
        var switches = new TopicSwitches(db.policyStore(), db.meetingStore(), log);
        db.meetingStore().join("acme", meeting, jae.email());
        refuseEvents("toggle");

        assertThrows(DependencyUnavailableException.class, () -> switches.set(jae, meeting, "product", false));

        assertTrue(reconnect().toggles().get("product"), "still on");
    }

    private List<String> decisionsInTrail() {
        return log.meeting("acme", meeting).stream()
                .filter(r -> r.entry().type() == AuditType.APPROVAL_DECIDED)
                .map(r -> r.entry().outcome())
                .toList();
    }
}
