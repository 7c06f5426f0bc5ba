package app.proxyme.domain.aci;

import java.util.List;

/**
 * The envelope's safety block: the personal data found so far (types and offsets, never values) and the red lines
 * ({@code no-<topic>}) the work must not cross. Red lines only grow along a chain.
 */
public record EnvelopeSafety(List<PiiSpan> pii, List<String> redlines) {
    public EnvelopeSafety {
        pii = List.copyOf(pii);
        redlines = List.copyOf(redlines);
        if (redlines.stream().anyMatch(r -> !r.matches("no-[a-z0-9_-]{1,64}"))) {
            throw HandoffRefused.invalid("safety.redlines", "each red line is no-<topic>");
        }
    }

    /** The topic a red line forbids: {@code no-pricing} → {@code pricing}. */
    public static String topicOf(String redline) {
        return redline.substring("no-".length());
    }
}
