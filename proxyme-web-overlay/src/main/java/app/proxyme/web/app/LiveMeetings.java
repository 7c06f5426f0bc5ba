package app.proxyme.web.app;

import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.WatchMeetings;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@link WatchMeetings} from the {@link MeetingHub}: the meetings and events of this instance's connections, and
 * the pending approvals of the store ({@link DecideApproval#pendingInOrganisation}). Admins only.
 */
public final class LiveMeetings implements WatchMeetings {
    private final MeetingHub hub;
    private final DecideApproval approvals;

    public LiveMeetings(MeetingHub hub, DecideApproval approvals) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
    }

    @Override
    public List<LiveMeeting> inProgress(Member caller) {
        Access.require(caller, Capability.WATCH_MEETINGS);
        return hub.meetingsOf(caller.org());
    }

    @Override
    public List<Suggestion> pendingApprovals(Member caller) {
        Access.require(caller, Capability.WATCH_MEETINGS);
        return approvals.pendingInOrganisation(caller);
    }

    @Override
    public Watch watch(Member caller, Consumer<LiveEvent> listener) {
        Access.require(caller, Capability.WATCH_MEETINGS);
        Runnable stop = hub.watch(caller.org(), listener);
        var closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                stop.run();
            }
        };
    }
}
