package app.proxyme.domain.policy;

import java.util.List;

/**
 * A policy file that does not parse or validate. It lists every problem found, each with its line, not only the
 * first; the stored policy was not changed.
 */
public class InvalidPolicyException extends RuntimeException {
    private final List<PolicyProblem> errors;

    public InvalidPolicyException(List<PolicyProblem> errors) {
        super(String.join("; ", errors.stream().map(PolicyProblem::message).toList()));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid policy has at least one problem");
        }
        this.errors = List.copyOf(errors);
    }

    /** The problems, each with the line it was found on, in line order. */
    public List<PolicyProblem> errors() {
        return errors;
    }

    /** The problems' messages. */
    public List<String> problems() {
        return errors.stream().map(PolicyProblem::message).toList();
    }
}
