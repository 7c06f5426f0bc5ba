package app.proxyme.engine.fga;

import java.util.List;

/**
 * A condition that could not be evaluated: context parameters missing, a value of the wrong type, or an expression
 * that failed while running. OpenFGA answers all of these with {@link FgaException#VALIDATION} (2000).
 */
public final class FgaConditionException extends FgaException {
    private final String condition;
    private final List<String> missing;

    public FgaConditionException(String condition, List<String> missing, String message) {
        super(VALIDATION, message);
        this.condition = condition;
        this.missing = List.copyOf(missing);
    }

    /** The condition's name. */
    public String condition() {
        return condition;
    }

    /** The parameters no context supplied (empty when the failure is something else). */
    public List<String> missing() {
        return missing;
    }
}
