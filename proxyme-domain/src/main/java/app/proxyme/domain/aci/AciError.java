package app.proxyme.domain.aci;

import java.util.Locale;

/** The error codes of ACI.md, with the HTTP status each answers with. */
public enum AciError {
    INVALID_ENVELOPE(422),
    INVALID_AGENT_TOKEN(401),
    INVALID_SIGNATURE(401),
    REPLAY(409),
    INVALID_TOKEN_REF(403),
    REVOKED(403),
    LOOP_DETECTED(422),
    CHAIN_TOO_DEEP(422),
    ESCALATION(403),
    INSUFFICIENT_PERMISSIONS(403),
    REDLINE(403),
    /** A dependency (classifier, database, FGA) could not answer: the hop is refused, never delivered. */
    UNAVAILABLE(503);

    private final int status;

    AciError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
