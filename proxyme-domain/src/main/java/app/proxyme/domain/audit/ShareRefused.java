package app.proxyme.domain.audit;

/** A share link that is not honoured: forged (or garbled), past its expiry, or revoked. */
public final class ShareRefused extends RuntimeException {
    /** Why a link is refused. */
    public enum Reason {
        FORGED,
        EXPIRED,
        REVOKED
    }

    private final Reason why;

    public ShareRefused(Reason why) {
        super(
                switch (why) {
                    case FORGED -> "not a valid share link";
                    case EXPIRED -> "this share link has expired";
                    case REVOKED -> "this share link was revoked";
                },
                null,
                false,
                false);
        this.why = why;
    }

    public Reason why() {
        return why;
    }
}
