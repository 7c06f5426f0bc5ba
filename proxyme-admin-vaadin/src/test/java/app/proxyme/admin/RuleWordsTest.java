package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleWordsTest {
    @Test
    void a_reading_says_the_effect_topics_phrases_and_entities() {
        var refs = new RuleEntry(
                "refs",
                "Do not name other customers as references without my approval",
                RuleScope.ROLE,
                "junior_ae",
                false,
                Effect.APPROVE,
                List.of(),
                List.of("\\breferences?\\b", "\\bcase stud(y|ies)\\b", "\\bwho else uses you\\b"),
                List.of("customer reference"));

        assertEquals(
                "APPROVE: at most answered after approval · phrases: \\breferences?\\b | \\bcase stud(y|ies)\\b |"
                        + " \\bwho else uses you\\b · entities: customer reference",
                RuleWords.reading(refs));
        assertEquals(
                "APPROVE: at most answered after approval · phrases: \\breferences?\\b … (2 more) · entities:"
                        + " customer reference",
                RuleWords.reading(refs, 1));
        assertEquals("role junior_ae", RuleWords.scope(refs));
    }
}
