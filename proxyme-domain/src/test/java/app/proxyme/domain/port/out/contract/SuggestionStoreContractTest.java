package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.Ids;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.port.out.SuggestionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SuggestionStore} promises: suggestions are found as they stand now, deciding an approval is a
 * claim (of concurrent claimants exactly one wins; the approval still reads pending) followed by a compare-and-set
 * that only the claim's holder can make, pending approvals survive a restart, come back oldest
 * first and fall due at their deadline, and organisations, users and meetings never see each other's. Extended once
 * per adapter.
 */
public abstract class SuggestionStoreContractTest {
    private static final AtomicInteger ORDER = new AtomicInteger();

    /** The store under test. */
    protected abstract SuggestionStore store();

    /**
     * The same store after a restart of the process (a new instance over the same storage). A store that keeps
     * nothing across restarts cannot pass {@link #pending_approvals_survive_a_restart_oldest_first}.
     */
    protected abstract SuggestionStore reopened();

    private final String org = Contracts.freshOrg();
    private final String meeting = "m-" + Ids.next("m");

    @Test
    void a_saved_suggestion_is_found_by_its_approval_and_in_its_meeting() {
        var held = held("jae@acme.test", Instant.parse("2030-01-01T00:02:00Z"));
        var auto = auto("jae@acme.test");

        store().save(held);
        store().save(auto);

        assertEquals(held, store().byApproval(held.approvalId()).orElseThrow());
        assertTrue(store().byApproval("ap_" + Ids.next("x")).isEmpty(), "an unknown approval is not found");
        assertEquals(List.of(held.id(), auto.id()), ids(store().inMeeting(org, meeting, "jae@acme.test")));
    }

    @Test
    void exactly_one_of_concurrent_claimants_wins_and_decides() throws Exception {
        var held = held("jae@acme.test", Instant.now().plusSeconds(120));
        store().save(held);
        int n = 8;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < n; i++) {
            var outcome = i % 2 == 0 ? ApprovalStatus.APPROVED : ApprovalStatus.DENIED;
            String claim = "claim-" + i;
            tasks.add(() -> {
                start.await();
                Instant now = Instant.now();
                return store().claim(held.approvalId(), claim, now, now.minusSeconds(30))
                                .isPresent()
                        && store().decide(held.approvalId(), claim, outcome, "jae@acme.test", now)
                                .isPresent();
            });
        }

        long winners = winners(tasks, start);

        assertEquals(1, winners);
        var decided = store().byApproval(held.approvalId()).orElseThrow();
        assertFalse(decided.isPending());
        assertEquals(decided.approvalStatus().suggestionStatus(), decided.status());
        assertEquals("jae@acme.test", decided.decidedBy());
        Instant now = Instant.now();
        assertTrue(store().claim(held.approvalId(), "late", now, now).isEmpty(), "a decided approval is not claimed");
        assertTrue(
                store().decide(held.approvalId(), "late", ApprovalStatus.EXPIRED, "engine", now)
                        .isEmpty(),
                "a decided approval is never decided again");
    }

    @Test
    void exactly_one_of_concurrent_draft_claimants_of_a_chunk_wins_for_good() throws Exception {
        int n = 8;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < n; i++) {
            tasks.add(() -> {
                start.await();
                return store().claimDraft(org, meeting, "jae@acme.test", 12);
            });
        }

        long winners = winners(tasks, start);

        assertEquals(1, winners);
        SuggestionStore restarted = reopened();
        assertFalse(restarted.claimDraft(org, meeting, "jae@acme.test", 12), "claimed once, also after a restart");
        assertTrue(restarted.claimDraft(org, meeting, "jae@acme.test", 13), "another chunk is claimed apart");
        assertTrue(restarted.claimDraft(org, meeting, "ae@acme.test", 12), "another member's chunk too");
        restarted.releaseDraft(org, meeting, "jae@acme.test", 12);
        assertTrue(restarted.claimDraft(org, meeting, "jae@acme.test", 12), "a released claim is taken again");
    }

    @Test
    void a_claim_keeps_the_approval_pending_and_only_its_holder_decides() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        var held = held("jae@acme.test", t.plusSeconds(120));
        store().save(held);

        assertEquals(
                held,
                store().claim(held.approvalId(), "first", t, t.minusSeconds(30)).orElseThrow());

        assertEquals(held, store().byApproval(held.approvalId()).orElseThrow(), "a claimed approval reads pending");
        assertEquals(List.of(held), store().pending(org, "jae@acme.test"));
        assertEquals(List.of(held), store().inMeeting(org, meeting, "jae@acme.test"));
        assertTrue(
                store().claim(held.approvalId(), "second", t.plusSeconds(1), t.minusSeconds(29))
                        .isEmpty(),
                "another claimant waits while the claim is fresh");
        assertTrue(
                store().decide(held.approvalId(), "second", ApprovalStatus.DENIED, "engine", t.plusSeconds(1))
                        .isEmpty(),
                "only the holder decides");
        assertEquals(held, store().byApproval(held.approvalId()).orElseThrow());
        var decided = store().decide(
                        held.approvalId(), "first", ApprovalStatus.APPROVED, "jae@acme.test", t.plusSeconds(2))
                .orElseThrow();
        assertEquals(held.decided(ApprovalStatus.APPROVED, "jae@acme.test"), decided);
    }

    @Test
    void a_released_or_stale_claim_can_be_taken_by_another() {
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        var released = held("jae@acme.test", t.plusSeconds(120));
        var stale = held("jae@acme.test", t.plusSeconds(120));
        store().save(released);
        store().save(stale);
        store().claim(released.approvalId(), "first", t, t.minusSeconds(30)).orElseThrow();
        store().claim(stale.approvalId(), "first", t, t.minusSeconds(30)).orElseThrow();

        store().release(released.approvalId(), "first");
        store().release(stale.approvalId(), "someone-else"); // not theirs: nothing happens

        assertTrue(store().claim(released.approvalId(), "second", t.plusSeconds(1), t.minusSeconds(29))
                .isPresent());
        assertTrue(
                store().claim(stale.approvalId(), "second", t.plusSeconds(1), t.minusSeconds(29))
                        .isEmpty(),
                "still held by first");
        assertTrue(
                store().claim(stale.approvalId(), "second", t.plusSeconds(31), t.plusSeconds(1))
                        .isPresent(),
                "a claim taken before takeOverBefore is stale: its holder stopped");
        assertTrue(
                store().decide(stale.approvalId(), "first", ApprovalStatus.APPROVED, "jae@acme.test", t)
                        .isEmpty(),
                "the stale holder has lost it");
        assertEquals(
                ApprovalStatus.DENIED,
                store().decide(stale.approvalId(), "second", ApprovalStatus.DENIED, "jae@acme.test", t)
                        .orElseThrow()
                        .approvalStatus());
    }

    @Test
    void a_decided_approval_is_no_longer_pending_anywhere_and_reads_back_decided() {
        Instant deadline = Instant.parse("2030-01-01T00:02:00Z");
        var held = held("ae@acme.test", deadline);
        store().save(held);
        Instant at = deadline.minusSeconds(60);

        store().claim(held.approvalId(), "c1", at, at.minusSeconds(30)).orElseThrow();
        var decided = store().decide(held.approvalId(), "c1", ApprovalStatus.APPROVED, "ae@acme.test", at)
                .orElseThrow();

        assertEquals(held.decided(ApprovalStatus.APPROVED, "ae@acme.test"), decided);
        assertEquals(decided, store().byApproval(held.approvalId()).orElseThrow());
        assertTrue(store().pending(org, "ae@acme.test").isEmpty());
        assertFalse(
                ids(store().due(deadline.plusSeconds(1))).contains(held.id()), "a decided approval never falls due");
        assertEquals(
                List.of(decided),
                store().inMeeting(org, meeting, "ae@acme.test"),
                "a reconnecting overlay sees the suggestion as it stands now");
        String unknown = "ap_" + Ids.next("x");
        assertTrue(store().claim(unknown, "c2", at, at).isEmpty(), "an unknown approval cannot be claimed");
        assertTrue(
                store().decide(unknown, "c2", ApprovalStatus.DENIED, "ae@acme.test", deadline)
                        .isEmpty(),
                "an unknown approval cannot be decided");
    }

    @Test
    void pending_approvals_survive_a_restart_oldest_first() {
        String user = "ae@acme.test";
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        var first = held(user, now.plusSeconds(30));
        var second = held(user, now.plusSeconds(60));
        store().save(second); // saved out of order: "oldest first" is by creation, not by saving
        store().save(first);

        var store = reopened();

        assertEquals(List.of(first, second), store.pending(org, user));
        assertEquals(List.of(first.id(), second.id()), ids(store.inMeeting(org, meeting, user)));
    }

    @Test
    void approvals_fall_due_at_their_deadline() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        var past = held("ae@acme.test", now.minusSeconds(1));
        var atDeadline = held("ae@acme.test", now);
        var later = held("ae@acme.test", now.plusSeconds(60));
        List.of(past, atDeadline, later).forEach(store()::save);

        var due = ids(store().due(now));

        assertTrue(due.contains(past.id()), "past its deadline");
        assertTrue(due.contains(atDeadline.id()), "at its deadline");
        assertFalse(due.contains(later.id()), "before its deadline");
    }

    @Test
    void organisations_users_and_meetings_are_kept_apart() {
        var mine = held("jae@acme.test", Instant.parse("2030-01-01T00:02:00Z"));
        store().save(mine);

        assertEquals(List.of(mine.id()), ids(store().pending(org, "jae@acme.test")));
        assertTrue(store().pending(Contracts.freshOrg(), "jae@acme.test").isEmpty(), "another organisation");
        assertTrue(store().pending(org, "ae@acme.test").isEmpty(), "another user");
        assertTrue(
                store().inMeeting(Contracts.freshOrg(), meeting, "jae@acme.test")
                        .isEmpty(),
                "another organisation");
        assertTrue(store().inMeeting(org, meeting, "ae@acme.test").isEmpty(), "another user");
        assertTrue(store().inMeeting(org, meeting + "-2", "jae@acme.test").isEmpty(), "another meeting");
    }

    @Test
    void the_organisations_pending_approvals_are_every_members_oldest_first_and_only_its_own() {
        var jae = held("jae@acme.test", Instant.parse("2030-01-01T00:02:00Z"));
        var ae = held("ae@acme.test", Instant.parse("2030-01-01T00:01:00Z"));
        var decided = held("ae@acme.test", Instant.parse("2030-01-01T00:03:00Z"));
        store().save(ae);
        store().save(jae);
        store().save(decided);
        store().save(auto("jae@acme.test"));
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        store().claim(decided.approvalId(), "c1", at, at.minusSeconds(30)).orElseThrow();
        store().decide(decided.approvalId(), "c1", ApprovalStatus.DENIED, "ae@acme.test", at)
                .orElseThrow();

        assertEquals(List.of(jae.id(), ae.id()), ids(reopened().pendingInOrg(org)), "by creation, not by saving");
        assertTrue(store().pendingInOrg(Contracts.freshOrg()).isEmpty(), "another organisation");
    }

    private static List<String> ids(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::id).toList();
    }

    /** A held suggestion; each one is created a second after the one before. */
    protected Suggestion held(String user, Instant expiresAt) {
        return new Suggestion(
                Ids.next("sg"),
                org,
                meeting,
                user,
                12,
                "pricing",
                "We can offer 10% off.",
                SuggestionStatus.PENDING_APPROVAL,
                Ids.next("ap"),
                ApprovalStatus.PENDING,
                nextCreatedAt(),
                expiresAt,
                null);
    }

    private Suggestion auto(String user) {
        return new Suggestion(
                Ids.next("sg"),
                org,
                meeting,
                user,
                13,
                "product",
                "It integrates with Jira.",
                SuggestionStatus.AUTO,
                null,
                null,
                nextCreatedAt(),
                null,
                null);
    }

    private static Instant nextCreatedAt() {
        return Instant.parse("2029-01-01T00:00:00Z").plusSeconds(ORDER.getAndIncrement());
    }

    /** Runs the tasks at once (they wait for {@code start}); how many returned {@code true}. */
    private static long winners(List<Callable<Boolean>> tasks, CountDownLatch start) throws Exception {
        long winners = 0;
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Boolean> f : futures) {
                winners += f.get() ? 1 : 0;
            }
        }
        return winners;
    }
}
