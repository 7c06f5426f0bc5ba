package app.proxyme.domain.audit;

import java.util.Objects;

/**
 * The end of an organisation's chain: what an export must end with to be complete.
 *
 * @param seq the last event's {@code seq} ({@code 0} for an empty chain)
 * @param hash the last event's hash ({@link AuditRecord#GENESIS} for an empty chain)
 */
public record AuditHead(long seq, String hash) {
    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
    }
}
