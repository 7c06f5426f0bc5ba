package app.proxyme.engine.adapter.nlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Diagnosis on demand: {@code -Dproxyme.explain="some sentence"} prints each topic's score parts. */
@EnabledIfSystemProperty(named = "proxyme.explain", matches = ".+")
class ExplainTuning {
    @Test
    void explain() {
        var catalog = new EvaluationFixture().policy(EvaluationFixture.settings(0.5, 0.2)).catalog();
        var index = TopicIndex.build(catalog, MiniLmEncoder.SHARED, Scoring.DEFAULT);
        for (String s : System.getProperty("proxyme.explain").split("\\|")) {
            String sentence = SpokenText.of(s).sentence();
            System.out.println("EXPLAIN " + sentence + " :: " + Terms.of(sentence) + " :: "
                    + index.explain(sentence, MiniLmEncoder.SHARED.encode(sentence)));
        }
    }
}
