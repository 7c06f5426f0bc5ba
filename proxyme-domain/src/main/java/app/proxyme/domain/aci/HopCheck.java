package app.proxyme.domain.aci;

import java.util.Locale;

/** The gateway's checks, in the order ACI.md runs them. */
public enum HopCheck {
    SCHEMA,
    AGENT,
    SIGNATURE,
    REPLAY,
    TOKEN,
    REVOCATION,
    CHAIN,
    PERMISSIONS,
    REDLINES,
    PII,
    ANOMALY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
