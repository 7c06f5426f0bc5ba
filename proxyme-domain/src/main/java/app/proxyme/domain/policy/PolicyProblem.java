package app.proxyme.domain.policy;

import java.util.Objects;

/**
 * One problem of a policy file.
 *
 * @param line the 1-based line of the file it was found on
 * @param message what is wrong, starting with the path of the entry ({@code roles.junior_ae.auto: ...})
 */
public record PolicyProblem(int line, String message) {
    public PolicyProblem {
        Objects.requireNonNull(message, "message");
        if (line < 1) {
            throw new IllegalArgumentException("lines count from 1: " + line);
        }
    }
}
