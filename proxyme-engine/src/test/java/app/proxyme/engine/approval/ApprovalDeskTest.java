package app.proxyme.engine.approval;

import static app.proxyme.domain.fakes.Fixtures.AE;
import static app.proxyme.domain.fakes.Fixtures.JAE;
import static app.proxyme.domain.fakes.Fixtures.SAM_GLOBEX;
import static app.proxyme.domain.fakes.Fixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.fakes.TestWorld;
import app.proxyme.domain.port.in.SettleApproval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalDeskTest {
    private final TestWorld world = new TestWorld();
    private Suggestion held;

    private ApprovalDesk desk() {
        return new ApprovalDesk(world.suggestions, world.audit, world.clock, world.decided::add);
    }

    @BeforeEach
    void hold_one() {
        world.classifications.put("is it soc 2", question("security", 0.9));
        world.classifications.put("Here is our answer to: is it soc 2", question("security", 0.9));
        var out = new TestWorld.Recorder(world.audit);
        world.handle(JAE, new Chunk("acme", "m1", 1, "", "is it soc 2"), out);
        held = out.suggestions.get(0);
    }

    @Test
    void the_owner_approves_once() {
        var decided = desk().decide(JAE, held.approvalId(), true);
        assertEquals(SuggestionStatus.APPROVED, decided.status());
        assertEquals(1, world.decided.size());
        assertEquals(
                "approval_decided", world.audit.types().get(world.audit.types().size() - 1));
        var again = assertThrows(DomainException.class, () -> desk().decide(JAE, held.approvalId(), false));
        assertEquals(DomainException.Kind.CONFLICT, again.kind());
    }

    @Test
    void the_admin_reads_every_pending_approval_of_the_organisation_and_nobody_else_does() {
        var admin = new app.proxyme.domain.policy.Member("admin@acme.test", "acme", "org_admin", "Ada");
        var globexAdmin = new app.proxyme.domain.policy.Member("admin@globex.test", "globex", "org_admin", "Gil");
        assertEquals(java.util.List.of(held), desk().pendingInOrganisation(admin));
        assertEquals(java.util.List.of(), desk().pendingInOrganisation(globexAdmin));
        for (var notAdmin : java.util.List.of(JAE, AE)) {
            var e = assertThrows(DomainException.class, () -> desk().pendingInOrganisation(notAdmin));
            assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
        }
        desk().decide(JAE, held.approvalId(), true);
        assertEquals(java.util.List.of(), desk().pendingInOrganisation(admin));
    }

    @Test
    void the_owner_denies() {
        assertEquals(
                SuggestionStatus.DENIED,
                desk().decide(JAE, held.approvalId(), false).status());
    }

    @Test
    void someone_elses_approval_is_not_found_for_them() {
        var e = assertThrows(DomainException.class, () -> desk().decide(AE, held.approvalId(), true));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void another_organisation_is_told_it_does_not_exist() {
        var e = assertThrows(DomainException.class, () -> desk().decide(SAM_GLOBEX, held.approvalId(), true));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void unknown_approval_is_not_found() {
        var e = assertThrows(DomainException.class, () -> desk().decide(JAE, "ap_nope", true));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void past_the_deadline_it_expires_and_cannot_be_approved() {
        world.now = world.now.plusSeconds(121);
        assertEquals(1, desk().expireDue());
        assertEquals(ApprovalStatus.EXPIRED, world.decided.get(0).approvalStatus());
        var e = assertThrows(DomainException.class, () -> desk().decide(JAE, held.approvalId(), true));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
    }

    @Test
    void approving_at_the_deadline_before_the_timer_runs_expires_it() {
        world.now = held.expiresAt();
        var e = assertThrows(DomainException.class, () -> desk().decide(JAE, held.approvalId(), true));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(ApprovalStatus.EXPIRED, world.decided.get(0).approvalStatus());
    }

    @Test
    void when_the_decision_cannot_be_audited_nothing_changes_and_nobody_is_told() {
        world.audit.failOn(AuditType.APPROVAL_DECIDED);

        var e = assertThrows(DependencyUnavailableException.class, () -> desk().decide(JAE, held.approvalId(), true));

        assertEquals("audit", e.dependency());
        assertEquals(
                ApprovalStatus.PENDING,
                world.suggestions.byApproval(held.approvalId()).orElseThrow().approvalStatus(),
                "the status changes only after the event is durable");
        assertEquals(List.of(held), world.suggestions.inMeeting("acme", "m1", JAE.email()));
        assertTrue(world.decided.isEmpty(), "nothing pushed");
        assertTrue(world.audit.ofType(AuditType.APPROVAL_DECIDED).isEmpty());

        world.audit.failing = x -> false;
        assertEquals(
                SuggestionStatus.APPROVED,
                desk().decide(JAE, held.approvalId(), true).status(),
                "the claim was released: deciding again works");
        assertEquals(1, world.audit.ofType(AuditType.APPROVAL_DECIDED).size());
    }

    @Test
    void the_decision_is_audited_before_the_status_changes_and_the_status_before_devices_hear_of_it() {
        var seen = new ArrayList<String>();
        var desk = new ApprovalDesk(world.suggestions, world.audit, world.clock, s -> {
            seen.add("audited=" + world.audit.ofType(AuditType.APPROVAL_DECIDED).size());
            seen.add("stored="
                    + world.suggestions.byApproval(s.approvalId()).orElseThrow().approvalStatus());
        });

        desk.decide(JAE, held.approvalId(), false);

        assertEquals(List.of("audited=1", "stored=DENIED"), seen);
    }

    @Test
    void expiry_that_cannot_be_audited_leaves_the_approval_pending_for_the_next_run() {
        world.now = world.now.plusSeconds(121);
        world.audit.down();

        assertThrows(DependencyUnavailableException.class, () -> desk().expireDue());

        assertTrue(world.suggestions.byApproval(held.approvalId()).orElseThrow().isPending());
        assertTrue(world.decided.isEmpty());
        world.audit.failing = x -> false;
        assertEquals(1, desk().expireDue());
    }

    @Test
    void an_out_of_band_approval_is_settled_audit_first_with_its_approver_named() {
        var report = new SettleApproval.Report(held.approvalId(), ApprovalStatus.APPROVED, JAE.email(), "phone", null);

        var decided = desk().settle(report).orElseThrow();

        assertEquals(ApprovalStatus.APPROVED, decided.approvalStatus());
        assertEquals(JAE.email(), decided.decidedBy());
        var event = world.audit.ofType(AuditType.APPROVAL_DECIDED).get(0).entry();
        assertEquals("phone", event.detail().get("via"));
        assertEquals(List.of(decided), world.decided);
        assertTrue(desk().settle(report).isEmpty(), "settled once; a second report is dropped");
        assertEquals(1, world.audit.ofType(AuditType.APPROVAL_DECIDED).size());
    }

    @Test
    void a_report_after_a_decision_in_the_overlay_is_dropped_without_a_record() {
        desk().decide(JAE, held.approvalId(), false);

        var late = desk().settle(new SettleApproval.Report(
                held.approvalId(), ApprovalStatus.FAILED, "engine", "phone", "broken"));

        assertTrue(late.isEmpty());
        assertEquals(1, world.audit.ofType(AuditType.APPROVAL_DECIDED).size());
        assertEquals(
                ApprovalStatus.DENIED,
                world.suggestions.byApproval(held.approvalId()).orElseThrow().approvalStatus());
    }

    @Test
    void a_failure_is_final_and_says_why_and_a_late_approval_expires() {
        var failed = desk().settle(new SettleApproval.Report(
                        held.approvalId(), ApprovalStatus.FAILED, "engine", "phone", "invalid_grant"))
                .orElseThrow();
        assertEquals(SuggestionStatus.FAILED, failed.status());
        assertEquals(
                "invalid_grant",
                world.audit
                        .ofType(AuditType.APPROVAL_DECIDED)
                        .get(0)
                        .entry()
                        .detail()
                        .get("reason"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SettleApproval.Report("ap_x", ApprovalStatus.FAILED, "engine", "phone", null),
                "a failure says why");

        var out = new TestWorld.Recorder(world.audit);
        world.handle(JAE, new Chunk("acme", "m1", 2, "", "is it soc 2"), out);
        var other = out.suggestions.get(0);
        world.now = other.expiresAt();
        var late = desk().settle(new SettleApproval.Report(
                        other.approvalId(), ApprovalStatus.APPROVED, JAE.email(), "phone", null))
                .orElseThrow();
        assertEquals(ApprovalStatus.EXPIRED, late.approvalStatus(), "no approval after the deadline");
    }

    @Test
    void of_concurrent_deciders_only_the_winner_records_a_decision() throws Exception {
        int n = 8;
        var start = new java.util.concurrent.CountDownLatch(1);
        var winners = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < n; i++) {
                boolean approve = i % 2 == 0;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        if (approve) {
                            desk().decide(JAE, held.approvalId(), true);
                        } else {
                            desk().expireDue(); // not due: does nothing
                            desk().decide(JAE, held.approvalId(), false);
                        }
                        winners.incrementAndGet();
                    } catch (DomainException e) {
                        assertEquals(DomainException.Kind.CONFLICT, e.kind());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }

        assertEquals(1, winners.get());
        assertEquals(1, world.audit.ofType(AuditType.APPROVAL_DECIDED).size(), "no decision that did not happen");
        assertEquals(1, world.decided.size());
    }
}
