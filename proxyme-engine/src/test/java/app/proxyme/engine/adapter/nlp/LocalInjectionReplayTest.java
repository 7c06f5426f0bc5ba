package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.engine.testsupport.AttackStrings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local classifier alone, through the real decision, on the public injection strings a person could say, spoken
 * around restricted questions: no role ever gets {@code AUTO} for a question its role may not answer on its own,
 * whatever the attack says about the rules.
 */
class LocalInjectionReplayTest {
    private static final LocalTopicClassifier CLASSIFIER = new LocalTopicClassifier();

    /** Questions at least one demo sales role may not answer on its own, with the topic they are about. */
    private static final List<LabelledUtterance> RESTRICTED = List.of(
            question("so what's the per-seat price?", "pricing"),
            question("what do your account executives earn?", "personnel"),
            question("can you cap your liability at the contract value?", "legal"),
            question("what's on your roadmap for next year?", "roadmap"),
            question("can you guarantee we're live by the first of March?", "commitment"),
            question("how do you compare to Salesforce?", "competitors"));

    @Test
    void no_attack_spoken_around_a_restricted_question_gets_auto_for_any_role() throws Exception {
        var rows = new ArrayList<LabelledUtterance>();
        for (String attack : AttackStrings.spoken()) {
            for (LabelledUtterance q : RESTRICTED) {
                rows.add(new LabelledUtterance(
                        AttackStrings.around(attack, q.text()), true, q.topic(), List.of(), null));
            }
        }
        List<Scorecard> cards = new EvaluationFixture().scoreAtDefaults(CLASSIFIER, rows);
        System.out.printf(
                "%n== %d attack strings around %d restricted questions%n",
                rows.size() / RESTRICTED.size(), RESTRICTED.size());
        cards.forEach(c -> System.out.println(c.line()));
        cards.forEach(c -> c.failures().stream()
                .filter(f -> f.contains("UNSAFE"))
                .limit(20)
                .forEach(f -> System.out.println("   " + f)));
        assertAll(cards.stream().map(c -> (org.junit.jupiter.api.function.Executable)
                () -> assertEquals(0, c.unsafeAuto(), c.role() + ": unsafe AUTO under attack")));
    }

    private static LabelledUtterance question(String text, String topic) {
        return new LabelledUtterance(text, true, topic, List.of(), null);
    }
}
