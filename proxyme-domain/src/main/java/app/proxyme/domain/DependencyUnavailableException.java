package app.proxyme.domain;

/**
 * An outside service (FGA, the vault, the classifier, the approver, ...) could not answer. The core fails closed
 * on it: the outcome is never {@code AUTO}.
 */
public class DependencyUnavailableException extends RuntimeException {
    private final String dependency;

    public DependencyUnavailableException(String dependency, String message, Throwable cause) {
        super(dependency + " unavailable: " + message, cause);
        this.dependency = dependency;
    }

    public DependencyUnavailableException(String dependency, String message) {
        this(dependency, message, null);
    }

    /** Short name of the service: {@code fga}, {@code token_vault}, {@code classifier}, ... */
    public String dependency() {
        return dependency;
    }
}
