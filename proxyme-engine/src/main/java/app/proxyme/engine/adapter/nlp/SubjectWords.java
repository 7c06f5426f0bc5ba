package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.engine.text.Terms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The nouns one organisation's questions can open with after an auxiliary, taken from its own catalogue rather than
 * listed in code: "does pricing include onboarding", "has warranty coverage changed", "can call recording be turned
 * off". Two sources:
 *
 * <ul>
 *   <li>the topic ids, split on {@code _}: {@code warranty_claims} gives "warranty", "claims" and the phrase
 *       "warranty claims";
 *   <li>the salient nouns of each topic: the content words its description and its examples share (compared by
 *       {@link Terms#stem stem}, so "invoices" in the description and "invoice" in an example agree).
 * </ul>
 *
 * A single word that generic English reads otherwise stays generic: function words ({@link Terms#stopword}), and the
 * verbs and adverbs that show a modal is not inverted ({@link Vocabulary#NOT_A_SUBJECT}: "will do", "can help").
 * Only a topic id of several words overrides them, as a whole phrase: with a topic {@code help_desk}, "can help desk
 * reset my password" is a question, "can help with that" is still not.
 *
 * <p>Immutable; derived once per catalogue version by {@link LocalTopicClassifier}.
 */
final class SubjectWords {
    /** No catalogue: only the generic word classes apply. */
    static final SubjectWords NONE = new SubjectWords(Set.of(), List.of());

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> GENERIC_STEMS = genericStems();

    /** Stems of the single words that open a subject. */
    private final Set<String> stems;
    /** Topic ids of several words, as stems, matched as whole phrases. */
    private final List<List<String>> phrases;

    private SubjectWords(Set<String> stems, List<List<String>> phrases) {
        this.stems = Set.copyOf(stems);
        this.phrases = List.copyOf(phrases);
    }

    static SubjectWords of(TopicCatalog catalog) {
        var stems = new HashSet<String>();
        var phrases = new ArrayList<List<String>>();
        for (Topic topic : catalog.topics()) {
            List<String> parts = Arrays.stream(topic.id().split("_"))
                    .filter(p -> !p.isEmpty())
                    .toList();
            parts.stream().filter(SubjectWords::salient).map(Terms::stem).forEach(stems::add);
            if (parts.size() > 1) {
                phrases.add(parts.stream().map(Terms::stem).toList());
            }
            Set<String> exampleStems = new HashSet<>();
            topic.examples().forEach(e -> words(e).stream().map(Terms::stem).forEach(exampleStems::add));
            words(topic.description()).stream()
                    .filter(SubjectWords::salient)
                    .map(Terms::stem)
                    .filter(exampleStems::contains)
                    .forEach(stems::add);
        }
        return new SubjectWords(stems, phrases);
    }

    /** Whether a subject the catalogue names starts at word {@code at} of {@code text}. */
    boolean opensAt(SpokenText text, int at) {
        String word = text.word(at);
        if (word.isEmpty()) {
            return false;
        }
        if (salient(word) && stems.contains(Terms.stem(word))) {
            return true;
        }
        for (List<String> phrase : phrases) {
            if (matches(text, at, phrase)) {
                return true;
            }
        }
        return false;
    }

    /** The single-word subjects, as stems (for tests and diagnostics). */
    Set<String> stems() {
        return stems;
    }

    private static boolean matches(SpokenText text, int at, List<String> phrase) {
        if (at + phrase.size() > text.words().size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!Terms.stem(text.word(at + k)).equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A word that can stand for a subject by itself: three letters or more, no digits only, not generic. */
    private static boolean salient(String word) {
        return word.length() >= 3
                && !word.chars().allMatch(Character::isDigit)
                && !Terms.stopword(word)
                && !Vocabulary.NOT_A_SUBJECT.contains(word)
                && !GENERIC_STEMS.contains(Terms.stem(word));
    }

    private static List<String> words(String text) {
        return Arrays.stream(WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** "works", "calls", "checking": inflections of the generic verbs are generic too. */
    private static Set<String> genericStems() {
        var out = new HashSet<String>();
        Vocabulary.NOT_A_SUBJECT.forEach(w -> out.add(Terms.stem(w)));
        return Set.copyOf(out);
    }
}
