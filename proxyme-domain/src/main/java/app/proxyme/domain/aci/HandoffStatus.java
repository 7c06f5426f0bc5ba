package app.proxyme.domain.aci;

/** Where a hop stands (ACI.md {@code GET /api/aci/handoffs/{id}}). */
public enum HandoffStatus {
    DELIVERED,
    PENDING_CONSENT,
    REFUSED,
    EXPIRED
}
