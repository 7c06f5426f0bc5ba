package app.proxyme.domain.fakes;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.port.out.StepUpApproval;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Step-up approval that records each request as delivered to the user's devices; can be switched off to test a
 * request that cannot be sent. Passes {@code StepUpApprovalContractTest}.
 */
public final class RecordingStepUpApproval implements StepUpApproval {
    /** A request as it reached the user's devices. */
    public record Request(Suggestion held, String bindingMessage) {}

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    /** Runs as each request is sent, before it is recorded (to look at what was stored and audited by then). */
    public volatile Runnable onRequest = () -> {};

    public void down(boolean down) {
        this.down = down;
    }

    /** The binding messages sent, in order. */
    public List<String> bindingMessages() {
        return requests.stream().map(Request::bindingMessage).toList();
    }

    @Override
    public void request(Suggestion held, String bindingMessage) {
        if (down) {
            throw new DependencyUnavailableException("step_up", "down");
        }
        onRequest.run();
        requests.add(new Request(held, bindingMessage));
    }
}
