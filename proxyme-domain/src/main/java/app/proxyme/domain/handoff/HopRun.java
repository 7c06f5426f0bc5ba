package app.proxyme.domain.handoff;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.aci.AciError;
import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.Envelope;
import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.aci.HopCheck;
import app.proxyme.domain.flow.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One hop going through the gateway: its checks so far, each timed, and what they found. */
final class HopRun {
    final String handoffId;
    final long startNanos = System.nanoTime();
    final List<CheckOutcome> checks = new ArrayList<>();
    final List<String> anomalies = new ArrayList<>();
    int bytes;
    Envelope envelope;
    java.util.Map<String, Object> tree;
    String sig;
    List<String> missing = List.of();

    HopRun(String handoffId) {
        this.handoffId = handoffId;
    }

    /** Runs one check, records it with its time; a dependency that cannot answer refuses the hop (fail closed). */
    <T> T check(HopCheck check, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            T result = work.get();
            checks.add(new CheckOutcome(check, true, Flow.elapsedMillis(start)));
            return result;
        } catch (HandoffRefused e) {
            checks.add(new CheckOutcome(check, false, Flow.elapsedMillis(start)));
            throw e;
        } catch (DependencyUnavailableException e) {
            checks.add(new CheckOutcome(check, false, Flow.elapsedMillis(start)));
            throw new HandoffRefused(AciError.UNAVAILABLE, e.dependency() + " unavailable: the hop is refused");
        }
    }

    void check(HopCheck check, Runnable work) {
        check(check, () -> {
            work.run();
            return null;
        });
    }

    /** Records a check that did not pass without throwing (a permission that waits for consent). */
    void waiting(HopCheck check, long startNanos) {
        checks.add(new CheckOutcome(check, false, Flow.elapsedMillis(startNanos)));
    }

    double ms() {
        return Flow.elapsedMillis(startNanos);
    }
}
