package app.proxyme.domain.flow;

import java.util.Map;
import java.util.Objects;

/**
 * One step of a chunk's processing.
 *
 * @param step the step
 * @param detail small facts about it ({@code cached}, {@code scope}, {@code topic}, {@code error}); JSON-able values
 * @param millis its measured duration in milliseconds
 */
public record FlowEvent(FlowStep step, Map<String, Object> detail, double millis) {
    public FlowEvent {
        Objects.requireNonNull(step, "step");
        detail = Map.copyOf(detail);
        if (millis < 0) {
            throw new IllegalArgumentException("negative duration");
        }
    }
}
