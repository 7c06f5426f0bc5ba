package app.proxyme.domain.aci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hop the gateway refuses, with the error of ACI.md and its extra fields ({@code field}, {@code missing},
 * {@code required}, {@code redline}).
 */
public final class HandoffRefused extends RuntimeException {
    private final AciError error;
    private final transient Map<String, Object> fields;

    public HandoffRefused(AciError error, String detail, Map<String, Object> fields) {
        super(detail);
        this.error = Objects.requireNonNull(error, "error");
        this.fields = Map.copyOf(fields);
    }

    public HandoffRefused(AciError error, String detail) {
        this(error, detail, Map.of());
    }

    /** {@code 422 invalid_envelope} naming the offending field. */
    public static HandoffRefused invalid(String field, String detail) {
        return new HandoffRefused(AciError.INVALID_ENVELOPE, field + ": " + detail, Map.of("field", field));
    }

    /** A refusal naming the permissions that are missing (and, when given, those required). */
    public static HandoffRefused missing(AciError error, String detail, List<String> missing, List<String> required) {
        var f = new LinkedHashMap<String, Object>();
        f.put("missing", List.copyOf(missing));
        if (required != null) {
            f.put("required", List.copyOf(required));
        }
        return new HandoffRefused(error, detail, f);
    }

    public AciError error() {
        return error;
    }

    /** The error's extra fields, as ACI.md names them. */
    public Map<String, Object> fields() {
        return fields;
    }
}
