package app.proxyme.domain.audit;

/** A share link that is not honoured: forged (or garbled), or past its expiry. */
public final class ShareRefused extends RuntimeException {
    /** Why a link is refused. */
    public enum Reason {
        FORGED,
        EXPIRED
    }

    private final Reason why;

    public ShareRefused(Reason why) {
        super(why == Reason.FORGED ? "not a valid share link" : "this share link has expired", null, false, false);
        this.why = why;
    }

    public Reason why() {
        return why;
    }
}
