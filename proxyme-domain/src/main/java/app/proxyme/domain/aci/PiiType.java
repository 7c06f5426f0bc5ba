package app.proxyme.domain.aci;

import java.util.Locale;

/** The kinds of personal data the gateway detects, each with the label that replaces it (ACI.md check 10). */
public enum PiiType {
    EMAIL,
    PHONE,
    CARD,
    IBAN,
    SSN,
    IP;

    /** What replaces a span of this type for a receiver without {@code read:pii}: {@code [EMAIL]}. */
    public String label() {
        return "[" + name() + "]";
    }

    public static PiiType fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
