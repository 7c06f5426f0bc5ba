package app.proxyme.domain.fakes;

import app.proxyme.domain.port.out.StepUpApproval;
import app.proxyme.domain.port.out.contract.StepUpApprovalContractTest;
import java.util.List;

/** The recording step-up approval keeps the step-up approval's contract. */
class RecordingStepUpApprovalTest extends StepUpApprovalContractTest {
    private final RecordingStepUpApproval approval = new RecordingStepUpApproval();

    @Override
    protected StepUpApproval subject() {
        return approval;
    }

    @Override
    protected List<Delivery> delivered() {
        return approval.requests.stream()
                .map(r -> new Delivery(r.held().org(), r.held().user(), r.held().approvalId(), r.bindingMessage()))
                .toList();
    }

    @Override
    protected void makeUnreachable() {
        approval.down(true);
    }
}
