package app.proxyme.engine.adapter.ciba;

import static app.proxyme.engine.testsupport.CibaStub.approved;
import static app.proxyme.engine.testsupport.CibaStub.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.engine.testsupport.CibaStub;
import app.proxyme.engine.testsupport.MutableClock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: a push that instance a sent and polled is carried on by instance b, from what a
 * stored — at once when a stops, and after the lease's time-to-live when a dies without a word. Runs on H2 (in
 * memory, shared by both engines of this JVM) and on PostgreSQL ({@link CibaResumePostgresTest}).
 */
class CibaResumeTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private CibaStub stub;
    private MutableClock clock;
    private CibaWorld a;
    private CibaWorld b;

    /** The database both instances share: JDBC URL, user, password. */
    String[] database() throws Exception {
        return new String[] {"jdbc:h2:mem:ciba-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""};
    }

    void dropDatabase() throws Exception {}

    @BeforeEach
    void twoInstances() throws Exception {
        stub = new CibaStub();
        clock = MutableClock.ofNow();
        String[] db = database();
        a = new CibaWorld(db[0], db[1], db[2], stub.domain(), clock, "instance-a");
        b = new CibaWorld(db[0], db[1], db[2], stub.domain(), clock, "instance-b");
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        stub.close();
        dropDatabase();
    }

    private int polls() {
        return stub.received("/oauth/token").size();
    }

    @Test
    void when_the_polling_instance_stops_the_other_resumes_its_stored_request_at_once() {
        Suggestion held = a.ask();
        String id = stub.authReqId(0);
        stub.pollAnswers(id, pending(), approved());
        a.poller.start(Duration.ofMillis(10));
        await(() -> holder().equals("instance-a"), "a takes the lease");
        b.poller.start(Duration.ofMillis(10));

        clock.advance(INTERVAL);
        await(() -> polls() == 1, "a polls (authorization_pending)");
        assertEquals("instance-a", holder(), "b waits while a holds the lease");

        a.poller.close();
        await(() -> holder().equals("instance-b"), "b takes the lease a gave up");
        clock.advance(INTERVAL);
        await(() -> !b.current(held).isPending(), "b polls the request a stored");

        Suggestion approved = b.current(held);
        assertEquals(ApprovalStatus.APPROVED, approved.approvalStatus());
        assertEquals(CibaWorld.JAE, approved.decidedBy());
        assertEquals(2, polls());
        assertEquals(1, b.decisions(held).size());
        // b tells the devices right after the status changes: the test may see the status first
        await(() -> b.decided.size() == 1, "b tells the user's devices");
        assertTrue(a.decided.isEmpty(), "a had stopped: b settled it");
    }

    @Test
    void when_the_polling_instance_dies_the_other_takes_over_after_the_lease_expires() {
        Suggestion held = a.ask();
        stub.pollAnswers(stub.authReqId(0), pending(), approved());
        clock.advance(INTERVAL);
        assertEquals(1, a.poller.runOnce(), "a polls");
        // a dies here: it neither polls again nor gives up its lease

        clock.advance(INTERVAL);
        assertEquals(0, b.poller.runOnce(), "a's lease still holds");
        assertEquals(1, polls());
        clock.advance(CibaWorld.LEASE_TTL);
        assertEquals(1, b.poller.runOnce(), "a's lease expired: b polls");

        assertEquals(ApprovalStatus.APPROVED, b.current(held).approvalStatus());
        assertEquals(1, b.decisions(held).size());
    }

    private String holder() {
        return b.leases.holder(CibaPoller.LEASE).map(h -> h.instance()).orElse("");
    }

    private static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
