package app.proxyme.domain.aci;

/** Where a consent stands. */
public enum ConsentStatus {
    PENDING,
    ALLOWED,
    ALLOWED_ONCE,
    DENIED,
    EXPIRED
}
