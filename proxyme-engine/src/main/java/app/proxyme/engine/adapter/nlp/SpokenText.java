package app.proxyme.engine.adapter.nlp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A chunk as the detector and the classifier read it: lower case, punctuation removed, leading fillers and
 * discourse markers ("so um", "okay yeah", "and uh") stripped. Only the wording is kept: the text is data.
 *
 * @param words the words after the fillers
 * @param questionMark whether the original ended with a question mark (a hint, never required)
 */
record SpokenText(List<String> words, boolean questionMark) {
    private static final java.util.Map<String, List<String>> PHRASE_WORDS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern NOT_WORD =
            java.util.regex.Pattern.compile("[^\\p{L}\\p{N}'%$€£.\\s-]");
    private static final java.util.regex.Pattern LONE_DOT =
            java.util.regex.Pattern.compile("(?<![\\p{N}])\\.|\\.(?![\\p{N}])");
    private static final java.util.regex.Pattern LONE_DASH =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])-|-(?![\\p{L}\\p{N}])");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** The longest input read; speech chunks are short, anything longer is cut. */
    static final int MAX_CHARS = 600;

    /** Words that open spoken sentences without carrying meaning. */
    private static final Set<String> FILLERS = Set.of(
            "so",
            "um",
            "umm",
            "uh",
            "huh",
            "uhm",
            "er",
            "erm",
            "ah",
            "and",
            "okay",
            "ok",
            "yeah",
            "yes",
            "yep",
            "right",
            "but",
            "well",
            "alright",
            "hey",
            "oh",
            "hmm",
            "like",
            "also",
            "now",
            "sorry",
            "actually",
            "just",
            "anyway",
            "then",
            "great",
            "cool",
            "sure",
            "perfect",
            "hi",
            "hello",
            "mm",
            "listen",
            "basically",
            "honestly",
            "guys",
            "folks");

    /** Multi-word fillers: "you know" and "i mean" go, a lone "you" or "i" stays. */
    private static final List<List<String>> FILLER_PHRASES = List.of(
            List.of("you", "know"),
            List.of("i", "mean"),
            List.of("quick", "question"),
            List.of("one", "more", "thing"),
            List.of("out", "of", "curiosity"),
            List.of("just", "curious"),
            List.of("by", "the", "way"),
            List.of("thank", "you"),
            List.of("thanks"));

    static SpokenText of(String raw) {
        String text = raw == null ? "" : raw;
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        String trimmed = text.strip();
        boolean mark = trimmed.endsWith("?");
        String cleaned = trimmed.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        cleaned = NOT_WORD.matcher(cleaned).replaceAll(" ");
        cleaned = LONE_DOT.matcher(cleaned).replaceAll(" ");
        cleaned = LONE_DASH.matcher(cleaned).replaceAll(" ").strip();
        List<String> words = cleaned.isEmpty() ? List.of() : Arrays.asList(SPACES.split(cleaned));
        return new SpokenText(stripFillers(words), mark);
    }

    static List<String> stripFillers(List<String> words) {
        int i = 0;
        boolean moved = true;
        while (moved && i < words.size()) {
            moved = false;
            for (List<String> phrase : FILLER_PHRASES) {
                if (startsWith(words, i, phrase)) {
                    i += phrase.size();
                    moved = true;
                    break;
                }
            }
            if (!moved && i < words.size() - 1 && FILLERS.contains(words.get(i))) {
                i++;
                moved = true;
            }
        }
        return List.copyOf(words.subList(i, words.size()));
    }

    private static boolean startsWith(List<String> words, int at, List<String> phrase) {
        if (words.size() - at <= phrase.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!words.get(at + k).equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    String first() {
        return word(0);
    }

    String word(int i) {
        return i < words.size() ? words.get(i) : "";
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /**
     * The words of a phrase: the detectors' phrases are constants, split once (they are tried at every word of every
     * chunk).
     */
    private static List<String> wordsOf(String phrase) {
        return PHRASE_WORDS.computeIfAbsent(phrase, p -> List.of(p.split(" ")));
    }

    /** Whether nothing but fillers is left ("um", "okay"): the last word is kept even when it is one. */
    /** Whether {@code word} (lower case) is a filler of speech ("um", "uh", "hmm", ...). */
    static boolean filler(String word) {
        return FILLERS.contains(word);
    }

    boolean saysNothing() {
        return words.stream().allMatch(FILLERS::contains);
    }

    /** The cleaned sentence: what the embedding model reads. */
    String sentence() {
        return String.join(" ", words);
    }

    /** Whether the words starting at {@code from} begin with {@code phrase} (space-separated). */
    boolean startsWith(int from, String phrase) {
        List<String> p = wordsOf(phrase);
        return from >= 0 && from + p.size() <= words.size() && matches(from, p);
    }

    /** Whether the words end with {@code phrase} (space-separated). */
    boolean endsWith(String phrase) {
        List<String> p = wordsOf(phrase);
        return words.size() > p.size() && matches(words.size() - p.size(), p);
    }

    /** Whether {@code phrase} stands at {@code from} (which leaves room for it): compared in place, tried often. */
    private boolean matches(int from, List<String> phrase) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!words.get(from + k).equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }
}
