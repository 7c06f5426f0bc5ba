package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
