package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.Ids;
import app.proxyme.domain.port.out.MeetingStore;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MeetingStore} promises: joining creates a meeting on first use and makes the user a participant;
 * meeting ids are scoped to an organisation; each participant's topic switches are their own, per meeting, and a
 * switch is seen by the very next read. Extended once per adapter.
 */
public abstract class MeetingStoreContractTest {
    /** The store under test. */
    protected abstract MeetingStore store();

    private final String org = Contracts.freshOrg();
    private final String meeting = "m-" + Ids.next("m");

    @Test
    void joining_creates_the_meeting_once_and_makes_the_user_a_participant() {
        assertFalse(store().exists(org, meeting));
        assertFalse(store().isParticipant(org, meeting, "jae@acme.test"));

        store().join(org, meeting, "jae@acme.test");
        store().join(org, meeting, "jae@acme.test");

        assertTrue(store().exists(org, meeting));
        assertTrue(store().isParticipant(org, meeting, "jae@acme.test"));
        assertFalse(store().isParticipant(org, meeting, "se@acme.test"), "only who joined takes part");
    }

    @Test
    void meeting_ids_are_scoped_to_their_organisation() {
        String other = Contracts.freshOrg();
        store().join(org, meeting, "jae@acme.test");
        store().setTopicEnabled(org, meeting, "jae@acme.test", "pricing", false);

        assertFalse(store().exists(other, meeting));
        assertFalse(store().isParticipant(other, meeting, "jae@acme.test"));
        assertEquals(Set.of(), store().disabledTopics(other, meeting, "jae@acme.test"));
    }

    @Test
    void meeting_values_belong_to_one_participant_in_one_meeting_of_one_organisation() {
        store().join(org, meeting, "ae@acme.test");

        store().setContext(org, meeting, "ae@acme.test", java.util.Map.of("deal_size", 30000L, "region", "EU"));
        store().setContext(org, meeting, "ae@acme.test", java.util.Map.of("deal_size", 80000L));

        assertEquals(
                80000L, ((Number) store().context(org, meeting, "ae@acme.test").get("deal_size")).longValue());
        assertFalse(store().context(org, meeting, "ae@acme.test").containsKey("region"), "replaced, not merged");
        assertEquals(java.util.Map.of(), store().context(org, meeting, "se@acme.test"));
        assertEquals(java.util.Map.of(), store().context(org, "other-" + meeting, "ae@acme.test"));
        assertEquals(java.util.Map.of(), store().context("globex", meeting, "ae@acme.test"));
    }

    @Test
    void topic_switches_belong_to_one_participant_in_one_meeting() {
        String later = meeting + "-2";
        store().join(org, meeting, "jae@acme.test");
        store().join(org, meeting, "se@acme.test");
        store().join(org, later, "jae@acme.test");

        store().setTopicEnabled(org, meeting, "jae@acme.test", "competitors", false);
        store().setTopicEnabled(org, meeting, "jae@acme.test", "product", false);
        store().setTopicEnabled(org, meeting, "jae@acme.test", "product", true);

        assertEquals(Set.of("competitors"), store().disabledTopics(org, meeting, "jae@acme.test"));
        assertEquals(Set.of(), store().disabledTopics(org, meeting, "se@acme.test"), "another participant");
        assertEquals(Set.of(), store().disabledTopics(org, later, "jae@acme.test"), "another meeting");
    }

    @Test
    void a_switch_is_seen_by_the_next_read() {
        store().join(org, meeting, "jae@acme.test");
        assertEquals(Set.of(), store().disabledTopics(org, meeting, "jae@acme.test"));

        store().setTopicEnabled(org, meeting, "jae@acme.test", "pricing", false);
        assertEquals(Set.of("pricing"), store().disabledTopics(org, meeting, "jae@acme.test"));

        store().setTopicEnabled(org, meeting, "jae@acme.test", "pricing", true);
        assertEquals(Set.of(), store().disabledTopics(org, meeting, "jae@acme.test"));
    }

    @Test
    void concurrent_first_joins_of_a_new_meeting_all_succeed() throws Exception {
        int n = 6;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(n)) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < n; i++) {
                String user = "u" + i + "@acme.test";
                futures.add(pool.submit(() -> {
                    start.await();
                    store().join(org, meeting, user);
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }

        for (int i = 0; i < n; i++) {
            assertTrue(store().isParticipant(org, meeting, "u" + i + "@acme.test"), "u" + i);
        }
    }
}
