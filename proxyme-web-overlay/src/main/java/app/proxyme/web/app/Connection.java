package app.proxyme.web.app;

import app.proxyme.domain.policy.Member;
import jakarta.websocket.Session;
import java.io.IOException;

/**
 * One overlay's WebSocket, for one member in one meeting. Sends are serialised (a WebSocket session accepts one
 * message at a time); a failed send closes nothing here — the close event cleans up.
 */
public final class Connection {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Session session;
    private final Member member;
    private final String meetingId;
    private long lastSeq = Long.MIN_VALUE;

    public Connection(Session session, Member member, String meetingId) {
        this.session = session;
        this.member = member;
        this.meetingId = meetingId;
    }

    public Member member() {
        return member;
    }

    public String meetingId() {
        return meetingId;
    }

    public String id() {
        return session.getId();
    }

    /** Accepts {@code seq} if it is above every seq this connection accepted before. */
    public synchronized boolean advance(long seq) {
        if (seq <= lastSeq) {
            return false;
        }
        lastSeq = seq;
        return true;
    }

    public void send(Object message) {
        String json = Json.write(message);
        synchronized (this) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(json);
            } catch (IOException | IllegalStateException e) {
                LOG.log(System.Logger.Level.DEBUG, "send to a closing connection failed: " + e);
            }
        }
    }
}
