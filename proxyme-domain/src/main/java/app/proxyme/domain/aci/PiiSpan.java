package app.proxyme.domain.aci;

import java.util.Objects;

/**
 * Personal data found in a text: its type and its offsets, {@code [start, end)} in UTF-16 units.
 *
 * @param field where: {@code content.primary} or {@code content.context}
 */
public record PiiSpan(PiiType type, String field, int start, int end) {
    public PiiSpan {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + "," + end + ")");
        }
    }

    /** The span in another field. */
    public PiiSpan in(String otherField) {
        return new PiiSpan(type, otherField, start, end);
    }
}
