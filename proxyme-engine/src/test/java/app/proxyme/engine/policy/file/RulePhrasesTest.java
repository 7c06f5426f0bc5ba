package app.proxyme.engine.policy.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.policy.Phrase;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.policy.Rule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule phrases are written by admins and run on customer speech: no phrase may pin a thread, whatever the speech.
 * They are compiled where the policy is loaded, by a linear-time engine.
 */
class RulePhrasesTest {
    /**
     * Nested quantifiers over a run of word characters that cannot match. On java.util.regex (JDK 25) the first costs
     * seconds on the longest chunk (quadratic), the lazy and the bounded forms, which its loop memo does not cover,
     * longer than anyone waits (exponential: already a 30-character run takes seconds).
     */
    private static final List<String> CATASTROPHIC =
            List.of("(\\\\w+\\\\s?)+$", "(\\\\w+\\\\s?)+?$", "(\\\\w+\\\\s?){1,64}$");

    @Test
    void catastrophic_phrases_on_adversarial_speech_finish() {
        String phrases = String.join(
                "\n", CATASTROPHIC.stream().map(p -> "        - \"" + p + "\"").toList());
        String yaml = PolicyFileSectionsTest.EVERY_SECTION.replace("        - \"\\\\btps reports?\\\\b\"", phrases);
        Rule rule = PolicyFiles.parse(yaml).toOrgPolicy(PolicySettings.DEFAULTS, 1).rules().stream()
                .filter(r -> r.id().equals("no-tps-reports"))
                .findFirst()
                .orElseThrow();
        // The longest chunk there is: word characters, then one that is neither a word character nor a space.
        String adversarial = "a".repeat(Chunk.MAX_TEXT - 1) + "!";

        // Generous: a linear-time engine takes milliseconds.
        boolean found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rule.matches("product", adversarial));

        assertFalse(found);
        assertTrue(
                rule.matches("product", "so what about the tps reports"), "the phrases still match what they should");
    }

    @Test
    void a_phrase_that_needs_backtracking_does_not_compile() {
        for (String phrase : List.of("(discount) \\1", "tps(?= reports)", "(?<!no )discount", "a++", "(?>a)")) {
            var e = assertThrows(IllegalArgumentException.class, () -> RulePhrases.compile(phrase));
            assertTrue(
                    e.getMessage().startsWith("phrase '" + phrase + "' is not a regular expression"), e.getMessage());
            assertTrue(RulePhrases.problem(phrase).isPresent(), phrase);
        }
        assertTrue(RulePhrases.problem("\\b(other|existing) (customers?|clients?)\\b")
                .isEmpty());
    }

    @Test
    void phrases_ignore_case_beyond_ascii() {
        Phrase phrase = RulePhrases.compile("école|discount");

        assertTrue(phrase.foundIn("UNE ÉCOLE"));
        assertTrue(phrase.foundIn("any DISCOUNT?"));
        assertFalse(phrase.foundIn("discoun t"));
        assertEquals("école|discount", phrase.source());
    }

    @Test
    void a_stored_phrase_that_no_longer_compiles_makes_its_rule_apply_to_every_chunk() {
        // Accepted by the import before phrases ran on RE2J: skipping it would make its rule restrict less.
        List<Phrase> stored = RulePhrases.stored("acme", "no-repeats", List.of("(discount) \\1", "discount"));

        assertTrue(stored.get(0).foundIn("anything at all"));
        assertEquals("(discount) \\1", stored.get(0).source());
        assertFalse(stored.get(1).foundIn("anything at all"));
    }
}
