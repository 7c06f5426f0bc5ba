package app.proxyme.admin;

import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.decision.TopicScore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the classifier now labels one example phrase of a topic: on the topic itself, on another topic, or on none
 * (not read as a question for us, or near no topic). An example that lands anywhere but on its own topic is flagged:
 * the classifier learns from the examples, so one in the wrong place blurs two topics.
 *
 * @param topic the topic the example belongs to
 * @param example the phrase
 * @param landedOn the topic the classifier ranks first, or {@code null} for none
 * @param confidence the classifier's confidence in {@code landedOn}
 * @param unsure whether that confidence is below the organisation's threshold
 */
record ExampleCheck(String topic, String example, String landedOn, double confidence, boolean unsure) {
    static ExampleCheck of(String topic, String example, DryRun run) {
        var top = run.classification().question() ? run.classification().top() : java.util.Optional.<TopicScore>empty();
        return new ExampleCheck(
                topic,
                example,
                top.map(TopicScore::topic).orElse(null),
                top.map(TopicScore::confidence).orElse(0.0),
                run.decision().unsure());
    }

    boolean flagged() {
        return !topic.equals(landedOn);
    }

    /** The label as the console shows it: "pricing (0.82)", "none: not read as a question". */
    String label() {
        if (landedOn == null) {
            return "none (not read as a question for us)";
        }
        return String.format(Locale.ROOT, "%s (%.2f)%s", landedOn, confidence, unsure ? ", unsure" : "");
    }

    String verdict() {
        if (landedOn == null) {
            return "lands on no topic";
        }
        if (flagged()) {
            return "lands on " + landedOn;
        }
        return unsure ? "ok, but below the confidence threshold" : "ok";
    }

    /** The flagged topics, each with how many of its examples land elsewhere: "smalltalk: 2 of 14 examples". */
    static List<String> flaggedTopics(List<ExampleCheck> checks) {
        Map<String, List<ExampleCheck>> byTopic = checks.stream()
                .collect(Collectors.groupingBy(ExampleCheck::topic, java.util.LinkedHashMap::new, Collectors.toList()));
        return byTopic.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(ExampleCheck::flagged))
                .map(e -> e.getKey() + ": "
                        + e.getValue().stream().filter(ExampleCheck::flagged).count() + " of "
                        + e.getValue().size() + " examples land elsewhere ("
                        + e.getValue().stream()
                                .filter(ExampleCheck::flagged)
                                .map(c -> c.landedOn() == null ? "no topic" : c.landedOn())
                                .distinct()
                                .collect(Collectors.joining(", "))
                        + ")")
                .toList();
    }
}
