package app.proxyme.engine.adapter.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentences of a chunk, as written punctuation or a transcript's line breaks mark them: what the classifier reads
 * one by one besides the whole, so that a long preamble cannot drown the question that follows it. Speech without
 * punctuation is one sentence. Decimals ("99.9") and times ("9:30") are not cut.
 */
final class Sentences {
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?;:…])\\s+|\\R+");

    /** The most sentences read of one chunk: its last ones, where a question usually stands. */
    static final int MAX = 8;

    private Sentences() {}

    /** The non-blank sentences of {@code text}, at most the last {@link #MAX}. */
    static List<String> of(String text) {
        var out = new ArrayList<String>();
        for (String part : BOUNDARY.split(text == null ? "" : text.strip())) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out.size() <= MAX ? out : List.copyOf(out.subList(out.size() - MAX, out.size()));
    }
}
