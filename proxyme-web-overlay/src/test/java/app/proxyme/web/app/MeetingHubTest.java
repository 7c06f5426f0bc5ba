package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SignIn;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeetingHubTest {
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");

    private static SignIn signIn(Optional<Member> who) {
        return (SignIn) Proxy.newProxyInstance(
                SignIn.class.getClassLoader(),
                new Class<?>[] {SignIn.class},
                (p, m, args) -> m.getName().equals("authenticate") ? who : null);
    }

    @Test
    void a_shutdown_closes_every_connection_with_1001() throws Exception {
        var hub = new MeetingHub(signIn(Optional.of(JAE)), null);
        var fake = new ConnectionTest.FakeSession();
        fake.reading.countDown();
        var c = Connection.open(fake.session(), JAE, "token", "m1", null, hub::closedWith);
        hub.register(c);

        hub.shutdown(new Object());

        assertTrue(fake.closedLatch.await(5, TimeUnit.SECONDS));
        assertEquals(1001, fake.closed.get().getCloseCode().getCode());
    }

    @Test
    void a_member_gone_at_the_recheck_is_closed_with_1008() throws Exception {
        var hub = new MeetingHub(signIn(Optional.empty()), null);
        var fake = new ConnectionTest.FakeSession();
        fake.reading.countDown();
        var c = Connection.open(fake.session(), JAE, "token", "m1", null, hub::closedWith);
        hub.register(c);

        assertTrue(hub.recheck(c).isEmpty());

        assertTrue(fake.closedLatch.await(5, TimeUnit.SECONDS));
        assertEquals(1008, fake.closed.get().getCloseCode().getCode());
    }

    @Test
    void a_user_shares_one_pace_over_their_sockets_in_a_meeting_until_the_last_one_leaves() {
        var hub = new MeetingHub(signIn(Optional.of(JAE)), null);
        var first = open(hub, "m1");
        var again = open(hub, "m1");
        var elsewhere = open(hub, "m2");

        assertSame(hub.paceFor(first), hub.paceFor(again), "a reconnect does not get a fresh allowance");
        assertNotSame(hub.paceFor(first), hub.paceFor(elsewhere));

        InboundPace before = hub.paceFor(first);
        hub.unregister(first);
        assertSame(before, hub.paceFor(again), "another socket of theirs is still there");
        hub.unregister(again);
        var later = open(hub, "m1");
        assertNotSame(before, hub.paceFor(later), "after everyone left, a new pace");
    }

    @Test
    void answers_run_beside_the_decisions_and_while_a_lane_of_answers_is_full_no_chunk_is_taken() throws Exception {
        var hub = new MeetingHub(signIn(Optional.of(JAE)), null, new LaneSettings(2, java.time.Duration.ZERO, 2));
        var c = open(hub, "m1");
        var slowAnswer = new java.util.concurrent.CountDownLatch(1);
        var decided = new java.util.concurrent.CountDownLatch(1);

        var drafting = new java.util.concurrent.CountDownLatch(1);
        assertTrue(hub.inAnswerLane(c, () -> {
            drafting.countDown();
            await(slowAnswer);
        }));
        assertTrue(drafting.await(5, TimeUnit.SECONDS), "the first answer is being drafted (and takes its time)");
        assertTrue(hub.inLane(c, decided::countDown, () -> {}));
        assertTrue(decided.await(5, TimeUnit.SECONDS), "a decision does not wait for an answer being drafted");

        assertTrue(hub.inAnswerLane(c, () -> {}));
        assertTrue(hub.inAnswerLane(c, () -> {}));
        assertFalse(hub.inLane(c, () -> {}, () -> {}), "2 answers wait: the next chunk is refused (busy)");
        for (int i = 0; i < 2; i++) {
            assertTrue(hub.inAnswerLane(c, () -> {}), "chunks decided meanwhile still get their answers queued");
        }
        assertFalse(hub.inAnswerLane(c, () -> {}), "twice the capacity at most");
        slowAnswer.countDown();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection open(MeetingHub hub, String meeting) {
        var fake = new ConnectionTest.FakeSession();
        fake.reading.countDown();
        var c = Connection.open(fake.session(), JAE, "token", meeting, null, hub::closedWith);
        hub.register(c);
        return c;
    }
}
