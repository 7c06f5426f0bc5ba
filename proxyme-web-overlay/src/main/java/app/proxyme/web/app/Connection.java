package app.proxyme.web.app;

import app.proxyme.domain.policy.Member;
import app.proxyme.web.transport.Transport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * One WebSocket of a member: an overlay's, in one meeting, or a paired phone's, which hears of the member's approvals
 * in every meeting ({@link #approvalsOnly()}). {@link #send} never blocks: messages wait in a bounded
 * queue that the connection's own writer (a virtual thread) drains, one message at a time (a WebSocket session
 * accepts one at a time), so that a client that reads slowly delays nobody but itself. A client that has not read
 * for {@link #STALL} ({@link #stalled}) or lets {@link #MAX_QUEUED} messages pile up is closed with 1013 and may
 * reconnect: what it missed is in the database, and the {@code state} message of its next connection carries it.
 */
public final class Connection {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    /** Messages that may wait for a client before it counts as not reading. */
    public static final int MAX_QUEUED = 1024;
    /** How long one message may take to go out before the client counts as not reading. */
    public static final Duration STALL = Duration.ofSeconds(10);
    /** How long a closing connection may take to send its close frame before its TCP connection is cut. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final String WAKE = new String("wake"); // compared by identity

    private final Session session;
    private final String token;
    private final String meetingId;
    private final Transport transport;
    private final IntConsumer closedWith;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicReference<CloseReason> closing = new AtomicReference<>();
    private volatile Member member;
    private volatile boolean ended;
    private volatile long writingSince;
    private long lastSeq = Long.MIN_VALUE;

    private Connection(
            Session session,
            Member member,
            String token,
            String meetingId,
            Transport transport,
            IntConsumer closedWith) {
        this.session = session;
        this.member = member;
        this.token = token;
        this.meetingId = meetingId;
        this.transport = transport;
        this.closedWith = closedWith;
    }

    /**
     * A connection whose writer runs from now on.
     *
     * @param token the bearer token it was opened with, re-checked while it is open
     * @param meetingId the overlay's meeting, or {@code null} for a phone's connection to the approvals
     * @param transport its TCP connection, to cut off a client that does not read (null: not available)
     * @param closedWith told the close code when the server closes the connection
     */
    public static Connection open(
            Session session,
            Member member,
            String token,
            String meetingId,
            Transport transport,
            IntConsumer closedWith) {
        var c = new Connection(session, member, token, meetingId, transport, closedWith);
        Thread.ofVirtual().name("ws-writer-" + session.getId()).start(c::write);
        return c;
    }

    /** The member as of the last check. */
    public Member member() {
        return member;
    }

    /** The member as re-read now (a changed role applies from the next message on). */
    public void member(Member now) {
        this.member = now;
    }

    public String token() {
        return token;
    }

    /** The meeting of an overlay's connection; {@code null} for a phone's ({@link #approvalsOnly()}). */
    public String meetingId() {
        return meetingId;
    }

    /** Whether this is a phone's connection: the member's approvals in every meeting, nothing else. */
    public boolean approvalsOnly() {
        return meetingId == null;
    }

    public String id() {
        return session.getId();
    }

    /** Whether {@code seq} is above every seq this connection accepted before. */
    public synchronized boolean above(long seq) {
        return seq > lastSeq;
    }

    /** Accepts {@code seq} if it is above every seq this connection accepted before. */
    public synchronized boolean advance(long seq) {
        if (seq <= lastSeq) {
            return false;
        }
        lastSeq = seq;
        return true;
    }

    /** Queues a message for the client; never blocks. Too many waiting: the client is closed with 1013. */
    public void send(Object message) {
        sendText(Json.write(message));
    }

    /** Queues a message (its JSON text) for the client; never blocks. Too many waiting: closed with 1013. */
    public void sendText(String json) {
        if (closing.get() != null || ended) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            close(
                    CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "more than " + MAX_QUEUED + " messages wait for this client: reconnect");
            return;
        }
        outbox.add(json);
    }

    /** Whether the message going out now has been going out for longer than {@link #STALL}. */
    public boolean stalled(long nanoTime) {
        long since = writingSince;
        return since != 0 && nanoTime - since > STALL.toNanos();
    }

    /**
     * Closes the connection with {@code code}, after the message going out now; what still waits is dropped. The
     * TCP connection is cut {@link #CLOSE_TIMEOUT} later if the close frame could not go out by then.
     */
    public void close(CloseReason.CloseCode code, String why) {
        if (ended || !closing.compareAndSet(null, new CloseReason(code, why))) {
            return;
        }
        outbox.clear();
        queued.set(0);
        outbox.add(WAKE);
        closedWith.accept(code.getCode());
        if (transport != null) {
            transport.abortAfter(CLOSE_TIMEOUT);
        }
        LOG.log(System.Logger.Level.DEBUG, "closing " + id() + " with " + code.getCode() + ": " + why);
    }

    /** Whether the server asked this connection to close. */
    public boolean closing() {
        return closing.get() != null;
    }

    /** The session closed: the writer stops. */
    public void ended() {
        ended = true;
        outbox.clear();
        outbox.add(WAKE);
    }

    private void write() {
        try {
            while (!ended) {
                String next = outbox.poll(1, TimeUnit.SECONDS);
                CloseReason reason = closing.get();
                if (reason != null) {
                    closeSession(reason);
                    return;
                }
                if (next == null || next == WAKE) {
                    continue;
                }
                queued.decrementAndGet();
                writingSince = System.nanoTime() | 1;
                try {
                    session.getBasicRemote().sendText(next);
                } catch (IOException | IllegalStateException e) {
                    LOG.log(System.Logger.Level.DEBUG, "send to a closing connection failed: " + e);
                } finally {
                    writingSince = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSession(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing " + id() + " failed: " + e);
            if (transport != null) {
                transport.abort();
            }
        }
    }
}
