package app.proxyme.domain.flow;

import java.util.Map;
import java.util.function.Function;

/** Receives a chunk's flow events as they happen. */
@FunctionalInterface
public interface Flow {
    Flow IGNORE = e -> {};

    void emit(FlowEvent event);

    /**
     * Runs {@code work}, measures it, and emits one event for {@code step} whose detail {@code describe} derives
     * from the result. If {@code work} throws, an event with the error's class is emitted and the exception rethrown.
     */
    default <T> T timed(FlowStep step, java.util.function.Supplier<T> work, Function<T, Map<String, Object>> describe) {
        long start = System.nanoTime();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            emit(new FlowEvent(step, Map.of("error", e.getClass().getSimpleName()), elapsedMillis(start)));
            throw e;
        }
        emit(new FlowEvent(step, describe.apply(result), elapsedMillis(start)));
        return result;
    }

    static double elapsedMillis(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
    }
}
