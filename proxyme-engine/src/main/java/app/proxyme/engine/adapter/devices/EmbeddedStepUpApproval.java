package app.proxyme.engine.adapter.devices;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.port.out.StepUpApproval;
import java.util.function.BiConsumer;

/**
 * Embedded step-up: the user's own devices are the approvers. The request is handed to every connected device
 * of the user (the overlay, the phone page), where Approve / Deny goes back through the approval use case.
 */
public final class EmbeddedStepUpApproval implements StepUpApproval {
    private final BiConsumer<Suggestion, String> devices;

    /** @param devices delivers the held suggestion and its binding message to the user's connected devices */
    public EmbeddedStepUpApproval(BiConsumer<Suggestion, String> devices) {
        this.devices = devices;
    }

    @Override
    public void request(Suggestion held, String bindingMessage) {
        try {
            devices.accept(held, bindingMessage);
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException("step_up", "the user's devices could not be reached", e);
        }
    }
}
