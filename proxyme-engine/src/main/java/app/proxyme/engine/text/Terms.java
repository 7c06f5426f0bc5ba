package app.proxyme.engine.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Content words of a sentence, crudely stemmed: the lexical signal of the local classifier, and how the local rule
 * compiler finds the topics a rule names.
 */
public final class Terms {
    private static final java.util.regex.Pattern NON_TERM = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}']+");

    private Terms() {}

    private static final Set<String> STOPWORDS = Set.of(
            "the",
            "a",
            "an",
            "and",
            "or",
            "but",
            "if",
            "of",
            "to",
            "in",
            "on",
            "for",
            "with",
            "at",
            "by",
            "from",
            "as",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "do",
            "does",
            "did",
            "can",
            "could",
            "would",
            "will",
            "should",
            "shall",
            "may",
            "might",
            "must",
            "have",
            "has",
            "had",
            "you",
            "your",
            "yours",
            "we",
            "our",
            "ours",
            "us",
            "i",
            "me",
            "my",
            "it",
            "its",
            "they",
            "them",
            "their",
            "this",
            "that",
            "these",
            "those",
            "there",
            "here",
            "what",
            "how",
            "why",
            "when",
            "where",
            "who",
            "which",
            "whom",
            "whose",
            "any",
            "some",
            "all",
            "so",
            "um",
            "uh",
            "like",
            "just",
            "about",
            "into",
            "over",
            "out",
            "up",
            "down",
            "not",
            "no",
            "yes",
            "yeah",
            "okay",
            "ok",
            "get",
            "got",
            "guys",
            "really",
            "actually",
            "also",
            "then",
            "than",
            "too",
            "very",
            "much",
            "many",
            "more",
            "most",
            "one",
            "two",
            "there's",
            "it's",
            "what's",
            "you're",
            "we're",
            "i'm",
            "don't",
            "doesn't",
            "let",
            "tell",
            "know",
            "think",
            "want",
            "need",
            "way",
            "thing",
            "things",
            "something",
            "anything",
            "kind",
            "sort",
            "bit",
            "lot",
            "right",
            "well",
            "still",
            "other",
            "else",
            "each",
            "every",
            "same",
            "able",
            "use",
            "using",
            "used",
            "work",
            "works",
            "make",
            "go",
            "going",
            "see",
            "look",
            "say",
            "said",
            "give",
            "take",
            "come",
            "new",
            "now",
            "again",
            "only",
            "own",
            "because",
            "while",
            "after",
            "before",
            "team",
            "company",
            "side",
            "you'll",
            "we'll",
            "i'd",
            "you'd",
            "we'd",
            "would've",
            "maybe");

    /** Whether {@code word} (lower case) is a function word or otherwise carries no topic. */
    public static boolean stopword(String word) {
        return STOPWORDS.contains(word);
    }

    /** The sentence's content words (no function words, at least two letters), stemmed. */
    public static Set<String> of(String sentence) {
        var terms = new LinkedHashSet<String>();
        for (String w : NON_TERM.split(sentence.toLowerCase(java.util.Locale.ROOT))) {
            if (w.length() < 2 || STOPWORDS.contains(w)) {
                continue;
            }
            terms.add(stem(w));
        }
        return terms;
    }

    /** The content words of all the sentences, stemmed. */
    public static Set<String> ofAll(List<String> sentences) {
        var terms = new LinkedHashSet<String>();
        sentences.forEach(s -> terms.addAll(of(s)));
        return terms;
    }

    /** A crude suffix stripper: enough to match "encrypted" with "encryption" and "seats" with "seat". */
    public static String stem(String w) {
        String s = w.replace("'s", "");
        for (String suffix : List.of("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ed", "es", "s")) {
            if (s.length() - suffix.length() >= 4 && s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        return s.length() > 4 && s.endsWith("e") ? s.substring(0, s.length() - 1) : s;
    }
}
