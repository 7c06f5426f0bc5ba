package app.proxyme.domain.port.out;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.approval.Suggestion;

/**
 * Asks the user, out of band, to approve a held suggestion (a push to their phone). The decision comes back
 * through the approval use case. In embedded mode the overlay and the phone page are the approvers.
 */
public interface StepUpApproval {
    /**
     * @param held the suggestion awaiting approval
     * @param bindingMessage at most 64 characters of {@code [A-Za-z0-9+\-_.,:#]}, shown on both devices
     * @throws DependencyUnavailableException when the request could not be sent
     */
    void request(Suggestion held, String bindingMessage);
}
