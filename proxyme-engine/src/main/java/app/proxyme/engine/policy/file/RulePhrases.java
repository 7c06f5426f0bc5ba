package app.proxyme.engine.policy.file;

import app.proxyme.domain.policy.Phrase;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Compiles rule phrases with RE2J, a linear-time regular expression engine: a match takes time in proportion to the
 * text whatever the phrase, so no phrase an admin writes can pin a thread on customer speech (with java.util.regex,
 * {@code (\w+\s?)+?$} on a few dozen letters runs for minutes). The syntax is Java's and Perl's without what needs
 * backtracking: no backreferences, lookahead or lookbehind, atomic groups or possessive quantifiers. Such a phrase
 * is refused at import ({@link #problem}, reported by the policy file's checks with its line).
 */
public final class RulePhrases {
    private static final System.Logger LOG = System.getLogger(RulePhrases.class.getName());

    private RulePhrases() {}

    /**
     * The phrase, case-insensitive.
     *
     * @throws IllegalArgumentException when RE2J cannot compile it (see {@link #problem})
     */
    public static Phrase compile(String source) {
        try {
            return new Re2Phrase(source, Pattern.compile(source, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(describe(source, e), e);
        }
    }

    /**
     * Each phrase, case-insensitive.
     *
     * @throws IllegalArgumentException when RE2J cannot compile one of them
     */
    public static List<Phrase> compile(List<String> sources) {
        return sources.stream().map(RulePhrases::compile).toList();
    }

    /**
     * Phrases read back from storage, where they were accepted at import. A phrase RE2J cannot compile (stored before
     * phrases ran on RE2J) matches every text: its rule restricts more rather than silently less, until an admin
     * fixes it, which the next import requires.
     */
    public static List<Phrase> stored(String org, String ruleId, List<String> sources) {
        return sources.stream()
                .map(source -> problem(source)
                        .<Phrase>map(why -> {
                            LOG.log(
                                    System.Logger.Level.WARNING,
                                    "organisation {0}, rule {1}: {2}; the rule applies to every chunk until it is"
                                            + " fixed",
                                    org,
                                    ruleId,
                                    why);
                            return new EveryText(source);
                        })
                        .orElseGet(() -> compile(source)))
                .toList();
    }

    /** Why RE2J cannot compile {@code source}, or empty when it can. */
    public static Optional<String> problem(String source) {
        try {
            Pattern.compile(source, Pattern.CASE_INSENSITIVE);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(describe(source, e));
        }
    }

    private static String describe(String source, PatternSyntaxException e) {
        return "phrase '" + source + "' is not a regular expression Proxy Me can run: " + e.getDescription()
                + " (phrases run in linear time on customer speech: no backreferences, lookahead or lookbehind,"
                + " atomic groups or possessive quantifiers)";
    }

    /** A phrase compiled by RE2J; equal to another of the same source. */
    private static final class Re2Phrase implements Phrase {
        private final String source;
        private final Pattern pattern;

        Re2Phrase(String source, Pattern pattern) {
            this.source = source;
            this.pattern = pattern;
        }

        @Override
        public String source() {
            return source;
        }

        @Override
        public boolean foundIn(String text) {
            return pattern.matcher(text).find();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Re2Phrase other && other.source.equals(source);
        }

        @Override
        public int hashCode() {
            return source.hashCode();
        }

        @Override
        public String toString() {
            return source;
        }
    }

    /** A stored phrase that can no longer be compiled: found in every text (fails closed). */
    private record EveryText(String source) implements Phrase {
        @Override
        public boolean foundIn(String text) {
            return true;
        }
    }
}
