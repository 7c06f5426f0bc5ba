package app.proxyme.domain.aci;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces personal data by its label ({@code [EMAIL]}) for a receiver without {@code read:pii}; the spans it returns
 * point at the labels in the redacted text, so a receiver learns types and places, never values.
 */
public final class PiiRedaction {
    /** A redacted text and where its labels are. */
    public record Redacted(String text, List<PiiSpan> spans) {}

    private PiiRedaction() {}

    /** {@code text} with each of {@code spans} (of one field, not overlapping) replaced by its label. */
    public static Redacted redact(String text, List<PiiSpan> spans) {
        var ordered =
                spans.stream().sorted(Comparator.comparingInt(PiiSpan::start)).toList();
        var out = new StringBuilder(text.length());
        var moved = new ArrayList<PiiSpan>(ordered.size());
        int at = 0;
        for (PiiSpan s : ordered) {
            if (s.start() < at || s.end() > text.length()) {
                throw new IllegalArgumentException("overlapping or out-of-range span " + s);
            }
            out.append(text, at, s.start());
            int labelStart = out.length();
            out.append(s.type().label());
            moved.add(new PiiSpan(s.type(), s.field(), labelStart, out.length()));
            at = s.end();
        }
        out.append(text, at, text.length());
        return new Redacted(out.toString(), moved);
    }
}
