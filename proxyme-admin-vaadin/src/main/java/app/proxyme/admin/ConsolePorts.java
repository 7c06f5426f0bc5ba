package app.proxyme.admin;

import app.proxyme.domain.handoff.AgentDirectory;
import app.proxyme.domain.handoff.ChainControl;
import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.port.in.BrowseAudit;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.domain.port.in.ReadRule;
import app.proxyme.domain.port.in.ReviewAudit;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.in.WatchMeetings;
import com.vaadin.flow.server.VaadinService;
import java.util.Objects;

/**
 * The engine's use cases the console's views call: nothing else of the engine is reachable from a view. The server
 * puts one instance into the servlet context; views find it through their {@link VaadinService}.
 */
public record ConsolePorts(
        SignIn signIn,
        ManagePolicy policy,
        ReadRule rules,
        EvaluatePolicy evaluate,
        ReviewAudit audit,
        BrowseAudit browse,
        ReadMeetingRecord meetings,
        ShareMeetingRecord shares,
        ChainTimeline chains,
        AgentDirectory agents,
        ChainControl control,
        WatchMeetings live) {
    public ConsolePorts {
        Objects.requireNonNull(browse, "browse");
        Objects.requireNonNull(meetings, "meetings");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(evaluate, "evaluate");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(chains, "chains");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(live, "live");
    }

    /** The ports of the console serving the current request. */
    public static ConsolePorts current() {
        ConsolePorts ports = VaadinService.getCurrent().getContext().getAttribute(ConsolePorts.class);
        if (ports == null) {
            throw new IllegalStateException("the console was started without its use cases");
        }
        return ports;
    }
}
