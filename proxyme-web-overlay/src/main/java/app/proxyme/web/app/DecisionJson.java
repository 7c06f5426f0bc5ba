package app.proxyme.web.app;

import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.layers.PolicyDecider;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The decision's wire form (PROTOCOL.md), one mapping shared by the WebSocket's {@code decision} message and
 * {@code POST /api/policy/evaluate}; {@code unsure: true} only when the classifier was unsure of the topic.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionJson(
        boolean question,
        String topic,
        double confidence,
        String outcome,
        String layer,
        String reason,
        Boolean unsure,
        List<Line> trace) {

    /**
     * One layer's line of the trace: its effect, or {@code skipped:true} when DENY short-circuited it; for a
     * conditional effect, {@code condition}: the expression, the values it used, whether it held, what was missing.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            String layer, Boolean skipped, String effect, String topic, String detail, Map<String, Object> condition) {
        static Line of(TraceEntry e) {
            return new Line(
                    e.layer().wire(),
                    e.isSkipped() ? Boolean.TRUE : null,
                    e.isSkipped() ? null : e.effect().name(),
                    e.topic(),
                    e.detail(),
                    e.condition() == null ? null : PolicyDecider.conditionDetail(e.condition()));
        }

        @Override
        @JsonProperty("detail")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        public String detail() {
            return detail;
        }
    }

    public static DecisionJson of(Decision d) {
        return new DecisionJson(
                d.question(),
                d.topic(),
                rounded(d.confidence()),
                d.outcome().name(),
                d.layer().wire(),
                d.reason(),
                d.unsure() ? Boolean.TRUE : null,
                d.trace().stream().map(Line::of).toList());
    }

    /** Confidences go out with three decimals. */
    public static double rounded(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String topic() {
        return topic;
    }

    @Override
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public String reason() {
        return reason;
    }
}
