package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private static Connection open(MeetingHub hub, String meeting) {
        var fake = new ConnectionTest.FakeSession();
        fake.reading.countDown();
        var c = Connection.open(fake.session(), JAE, "token", meeting, null, hub::closedWith);
        hub.register(c);
        return c;
    }
}
