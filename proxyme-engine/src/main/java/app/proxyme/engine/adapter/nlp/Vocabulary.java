package app.proxyme.engine.adapter.nlp;

import java.util.Set;

/** Closed word classes of English the question cues share. */
final class Vocabulary {
    private Vocabulary() {}

    static final Set<String> WH_WORDS = Set.of(
            "what", "what's", "whats", "how", "how's", "hows", "why", "when", "when's", "where", "where's", "who",
            "who's", "whom", "whose", "which");

    /** Auxiliaries and modals that open a yes/no question when the subject follows them. */
    static final Set<String> AUXILIARIES = Set.of(
            "do",
            "does",
            "did",
            "is",
            "are",
            "was",
            "were",
            "am",
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
            "isn't",
            "aren't",
            "wasn't",
            "weren't",
            "don't",
            "doesn't",
            "didn't",
            "can't",
            "couldn't",
            "wouldn't",
            "won't",
            "shouldn't",
            "haven't",
            "hasn't",
            "is't",
            "ain't");

    /**
     * Words that can be the subject of an inverted question ("can you", "is it", "does the api"): pronouns and
     * determiners only. Nouns an organisation talks about ("does pricing include onboarding") come from its catalogue,
     * see {@link SubjectWords}.
     */
    static final Set<String> SUBJECT_STARTERS = Set.of(
            "you",
            "we",
            "i",
            "it",
            "they",
            "he",
            "she",
            "there",
            "this",
            "that",
            "these",
            "those",
            "the",
            "your",
            "our",
            "my",
            "their",
            "any",
            "anyone",
            "anybody",
            "everyone",
            "everybody",
            "someone",
            "somebody",
            "a",
            "an",
            "all",
            "each",
            "every",
            "some",
            "y'all",
            "ya",
            "u",
            "one",
            "its",
            "his",
            "her");

    /**
     * Words after a modal that show it is not inverted: a bare verb or an adverb ("will do", "should be fine").
     * Never taken for a subject, not even when a catalogue's text uses them.
     */
    static final Set<String> NOT_A_SUBJECT = Set.of(
            "be",
            "do",
            "have",
            "been",
            "not",
            "so",
            "too",
            "also",
            "definitely",
            "probably",
            "certainly",
            "surely",
            "always",
            "never",
            "just",
            "really",
            "love",
            "like",
            "send",
            "go",
            "get",
            "see",
            "make",
            "take",
            "try",
            "help",
            "check",
            "call",
            "share",
            "follow",
            "need",
            "want",
            "say",
            "look",
            "work",
            "talk",
            "start",
            "set",
            "keep",
            "mean",
            "agree",
            "think",
            "guess",
            "great",
            "good",
            "fine",
            "done",
            "nice",
            "ok",
            "okay",
            "sure");

    /** Personal subjects: after a wh-word they make an embedded clause ("what we need is ..."). */
    static final Set<String> PERSONAL_SUBJECTS = Set.of(
            "we", "i", "they", "he", "she", "we're", "i'm", "they're", "we've", "i've", "we'd", "i'd", "our", "my");

    /** Copulas that close a pseudo-cleft's first half. */
    static final Set<String> COPULAS = Set.of("is", "was", "are", "were", "'s");
}
