package app.proxyme.domain.audit;

/**
 * A stored audit event that cannot be read back as an event (a row edited outside Proxy Me: its {@code detail} not
 * JSON, an unknown type, a missing field). For verification it is a broken chain, not a failure of the request.
 */
public final class UnreadableAuditEvent extends RuntimeException {
    private final String id;
    private final long seq;

    public UnreadableAuditEvent(String id, long seq, String why, Throwable cause) {
        super("audit event " + id + " (seq " + seq + ") cannot be read: " + why, cause);
        this.id = id;
        this.seq = seq;
    }

    /** The event's id as stored. */
    public String id() {
        return id;
    }

    /** The event's {@code seq} as stored. */
    public long seq() {
        return seq;
    }
}
