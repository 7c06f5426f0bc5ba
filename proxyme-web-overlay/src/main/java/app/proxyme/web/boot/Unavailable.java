package app.proxyme.web.boot;

import app.proxyme.domain.DependencyUnavailableException;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/**
 * What a guarded bean's fallback does: nothing is made up — the failure (a timeout, an open circuit, a full
 * bulkhead, the server's own error) is rethrown as {@link DependencyUnavailableException} naming the dependency,
 * which the core turns into a fail-closed outcome.
 */
abstract class Unavailable<T> implements FallbackHandler<T> {
    private final String dependency;
    private final String what;

    Unavailable(String dependency, String what) {
        this.dependency = dependency;
        this.what = what;
    }

    @Override
    public T handle(ExecutionContext context) {
        Throwable failure = context.getFailure();
        if (failure instanceof DependencyUnavailableException e) {
            throw e;
        }
        throw new DependencyUnavailableException(
                dependency, what + " unavailable: " + failure.getClass().getSimpleName(), failure);
    }

    /** The relationship check (FGA). */
    @Dependent
    static final class Fga extends Unavailable<java.util.List<Boolean>> {
        Fga() {
            super("fga", "authorization");
        }
    }

    /** The connected language model. */
    @Dependent
    static final class Llm extends Unavailable<String> {
        Llm() {
            super("llm", "language model");
        }
    }

    /** The policy import's tuple writes to the FGA server. */
    @Dependent
    static final class Tuples extends Unavailable<app.proxyme.engine.fga.RemoteTuples.Applied> {
        Tuples() {
            super("fga", "tuple writes");
        }
    }

    /** The policy import's model write to the FGA server. */
    @Dependent
    static final class Model extends Unavailable<String> {
        Model() {
            super("fga", "model write");
        }
    }
}
