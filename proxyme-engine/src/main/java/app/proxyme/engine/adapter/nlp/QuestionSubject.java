package app.proxyme.engine.adapter.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The short subject of a question, to echo in an answer: from its last sentence, the content words the topic's own
 * text also uses, at most a few, letters and digits only. Nothing else of the question is ever repeated, so no
 * instruction in it can reach the answer verbatim.
 */
final class QuestionSubject {
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}-]");
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?]+");
    private static final java.util.regex.Pattern CLAUSE_END = java.util.regex.Pattern.compile("[.!?;]+");

    static final int MAX_WORDS = 5;

    private static final Set<String> SKIP = Set.of(
            "please",
            "tell",
            "walk",
            "show",
            "explain",
            "send",
            "give",
            "describe",
            "ignore",
            "previous",
            "instructions",
            "say",
            "pretend",
            "act",
            "write",
            "repeat",
            "guys",
            "mind",
            "wondering",
            "curious",
            "know",
            "like",
            "love",
            "want",
            "need",
            "thanks");

    private QuestionSubject() {}

    /** The subject, e.g. "single sign identity provider", or empty when nothing is left. */
    static String of(String question, Set<String> topicTerms) {
        var words = new ArrayList<String>();
        for (String w : SpokenText.of(lastSentence(question)).words()) {
            String clean = NOT_WORD.matcher(w).replaceAll("");
            if (clean.length() < 3
                    || SKIP.contains(clean)
                    || Terms.of(clean).isEmpty()
                    || !topicTerms.containsAll(Terms.of(clean))) {
                continue;
            }
            if (!words.contains(clean)) {
                words.add(clean);
            }
            if (words.size() == MAX_WORDS) {
                break;
            }
        }
        return String.join(" ", List.copyOf(words));
    }

    /** The first non-empty sentence of written text (up to its first full stop, question or exclamation mark). */
    static String firstSentence(String text) {
        for (String part : SENTENCE_END.split(text == null ? "" : text)) {
            if (!part.isBlank()) {
                return part;
            }
        }
        return "";
    }

    /** The last non-empty sentence of written text; speech (no punctuation) is one sentence. */
    static String lastSentence(String text) {
        String[] parts = CLAUSE_END.split(text == null ? "" : text);
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isBlank()) {
                return parts[i];
            }
        }
        return "";
    }
}
