package app.proxyme.engine.adapter.nlp;

import java.util.regex.Pattern;

/** The last sentence of what was said: the part a playbook answer is matched against. */
final class LastSentence {
    private static final Pattern CLAUSE_END = Pattern.compile("[.!?;]+");

    private LastSentence() {}

    /** The last non-empty sentence of written text; speech (no punctuation) is one sentence. */
    static String of(String text) {
        String[] parts = CLAUSE_END.split(text == null ? "" : text);
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) {
                return parts[i];
            }
        }
        return "";
    }
}
