package app.proxyme.domain.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a statement into its sentences, for checks that rank each sentence of a text on its own. */
public final class Sentences {
    /** Where a sentence ends: after its end mark, or at a line break. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R+");

    private Sentences() {}

    /** The sentences of a text, in order, without blanks. */
    public static List<String> of(String text) {
        var sentences = new ArrayList<String>();
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return sentences;
    }
}
