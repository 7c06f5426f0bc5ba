package app.proxyme.engine.adapter.devices;

import app.proxyme.domain.port.out.StepUpApproval;
import app.proxyme.domain.port.out.contract.StepUpApprovalContractTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded step-up approval keeps the step-up contract: the user's connected devices (here a recorder standing for
 * the runtime's delivery to the overlay and phone page) get each request; a delivery that throws is unreachable.
 */
class EmbeddedStepUpApprovalTest extends StepUpApprovalContractTest {
    private final List<Delivery> devices = new CopyOnWriteArrayList<>();
    private volatile boolean unreachable;
    private final EmbeddedStepUpApproval approval = new EmbeddedStepUpApproval((held, binding) -> {
        if (unreachable) {
            throw new IllegalStateException("the WebSocket session is closed");
        }
        devices.add(new Delivery(held.org(), held.user(), held.approvalId(), binding));
    });

    @Override
    protected StepUpApproval subject() {
        return approval;
    }

    @Override
    protected List<Delivery> delivered() {
        return devices;
    }

    @Override
    protected void makeUnreachable() {
        unreachable = true;
    }
}
