package app.proxyme.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.Member;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A connection's sends never block the sender; a client that does not read is found out and closed with 1013. */
class ConnectionTest {
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");

    /** A session whose client reads only once {@code reading} opens. */
    static final class FakeSession {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch reading = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        final AtomicReference<CloseReason> closed = new AtomicReference<>();
        final CountDownLatch closedLatch = new CountDownLatch(1);

        Session session() {
            RemoteEndpoint.Basic remote = (RemoteEndpoint.Basic) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Basic.class}, (p, m, args) -> {
                        if (m.getName().equals("sendText") && args.length == 1) {
                            writing.countDown();
                            reading.await();
                            sent.add((String) args[0]);
                        }
                        return null;
                    });
            return (Session) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Session.class}, (p, m, args) -> switch (m.getName()) {
                        case "getBasicRemote" -> remote;
                        case "getId" -> "s1";
                        case "isOpen" -> closed.get() == null;
                        case "close" -> {
                            closed.set(args == null ? null : (CloseReason) args[0]);
                            closedLatch.countDown();
                            yield null;
                        }
                        case "getUserProperties" -> Map.of();
                        default -> null;
                    });
        }
    }

    @Test
    void sends_return_at_once_while_the_client_does_not_read_and_it_is_closed_with_1013() throws Exception {
        var fake = new FakeSession();
        var codes = new CopyOnWriteArrayList<Integer>();
        var c = Connection.open(fake.session(), JAE, "token", "m1", null, codes::add);

        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            c.send(Map.of("type", "pong", "n", i));
        }
        assertTrue(
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1_000, "sends do not wait for the client");
        assertTrue(fake.writing.await(5, TimeUnit.SECONDS));

        long now = System.nanoTime();
        assertFalse(c.stalled(now), "not yet");
        assertTrue(c.stalled(now + Connection.STALL.toNanos() + 1), "no read for 10 s");

        c.close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "the client has not read for 10 s");
        assertEquals(List.of(1013), codes);
        fake.reading.countDown();
        assertTrue(fake.closedLatch.await(5, TimeUnit.SECONDS));
        assertNotNull(fake.closed.get());
        assertEquals(1013, fake.closed.get().getCloseCode().getCode());
        assertEquals(1, fake.sent.size(), "what waited was dropped: it is in the database for the next connection");
    }

    @Test
    void too_many_waiting_messages_close_with_1013() throws Exception {
        var fake = new FakeSession();
        var codes = new CopyOnWriteArrayList<Integer>();
        var c = Connection.open(fake.session(), JAE, "token", "m1", null, codes::add);
        for (int i = 0; i < Connection.MAX_QUEUED + 10; i++) {
            c.send(Map.of("type", "pong"));
        }
        assertTrue(c.closing());
        assertEquals(List.of(1013), codes);
        fake.reading.countDown();
        assertTrue(fake.closedLatch.await(5, TimeUnit.SECONDS));
        assertEquals(1013, fake.closed.get().getCloseCode().getCode());
    }
}
