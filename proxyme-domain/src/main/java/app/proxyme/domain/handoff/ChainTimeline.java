package app.proxyme.domain.handoff;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.aci.AciError;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.ConsentRequest;
import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.HopCheck;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.AgentGrants;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the console, the share pages and {@code GET /api/aci/chains/{id}} show of chains (the seed's chain debugger):
 * the chains a viewer may see, a chain's hops with each check and its ms, what was accessed and blocked, and flags;
 * and a user's grants to the organisation's agents. The user sees their own chains; admins and compliance reviewers
 * see the organisation's.
 */
public final class ChainTimeline {
    /** A drop in the senders' confidence larger than this along a chain is flagged (the seed's quality signal). */
    public static final double CONFIDENCE_DROP = 0.2;

    private static final Set<HopCheck> AUTH_CHECKS =
            Set.of(HopCheck.AGENT, HopCheck.SIGNATURE, HopCheck.TOKEN, HopCheck.REVOCATION, HopCheck.PERMISSIONS);

    /** A chain's totals. */
    public record Summary(
            int hops, double authMs, double totalMs, int denials, List<String> accessed, List<String> blocked) {}

    /** A chain with its hops (each with its flags as shown) and totals. */
    public record Timeline(Chain chain, String status, List<Hop> hops, Summary summary) {}

    private final GatewayPorts ports;

    public ChainTimeline(GatewayPorts ports) {
        this.ports = ports;
    }

    /** The chains {@code viewer} may see, newest first. */
    public List<Chain> chains(Member viewer, int limit) {
        return ports.handoffs().chains(viewer.org(), seesAll(viewer) ? null : viewer.email(), Math.min(limit, 500));
    }

    /** A chain's timeline; {@code NOT_FOUND} for a chain the viewer may not see. */
    public Timeline timeline(Member viewer, String chainId) {
        Chain chain = ports.handoffs()
                .chain(chainId)
                .filter(c -> c.org().equals(viewer.org()))
                .filter(c -> seesAll(viewer) || c.user().equalsIgnoreCase(viewer.email()))
                .orElseThrow(() -> DomainException.notFound("no such chain"));
        var hops = new ArrayList<Hop>();
        Double previous = null;
        double authMs = 0;
        double totalMs = 0;
        int denials = 0;
        var accessed = new LinkedHashSet<String>();
        var blocked = new LinkedHashSet<String>();
        for (Hop h : ports.handoffs().hops(chain.org(), chainId)) {
            Hop shown = h;
            if (previous != null && h.confidence() != null && previous - h.confidence() > CONFIDENCE_DROP) {
                var flags = new ArrayList<>(h.anomalies());
                flags.add("confidence-drop");
                shown = h.settled(h.status(), h.checks(), h.ms(), h.pii(), flags, h.error());
            }
            previous = h.confidence() != null ? h.confidence() : previous;
            authMs += h.checks().stream()
                    .filter(c -> AUTH_CHECKS.contains(c.check()))
                    .mapToDouble(CheckOutcome::ms)
                    .sum();
            totalMs += h.ms();
            if (h.status() == HandoffStatus.DELIVERED) {
                accessed.addAll(h.permissions());
            } else if (h.status() == HandoffStatus.REFUSED) {
                denials++;
                blocked.addAll(h.missing().isEmpty() ? h.permissions() : h.missing());
            }
            hops.add(shown);
        }
        String status = chain.revoked()
                ? "REVOKED"
                : hops.isEmpty() ? "EMPTY" : hops.getLast().status().name();
        return new Timeline(
                chain,
                status,
                hops,
                new Summary(
                        hops.size(),
                        Math.round(authMs * 1000) / 1000.0,
                        Math.round(totalMs * 1000) / 1000.0,
                        denials,
                        List.copyOf(accessed),
                        List.copyOf(blocked)));
    }

    /** What the user lets each of the organisation's agents hold now, by agent (agents with nothing left out). */
    public Map<String, List<String>> grants(Member user) {
        var out = new LinkedHashMap<String, List<String>>();
        for (Agent a : ports.agents().list(user.org())) {
            List<String> ceiling = List.copyOf(a.ceiling());
            if (ceiling.isEmpty()) {
                continue;
            }
            List<Boolean> granted = ports.fga()
                    .check(ceiling.stream()
                            .map(p -> new RelationshipQuery(
                                    RelationshipCheck.user(user.email()),
                                    AgentGrants.GRANTED,
                                    AgentGrants.held(user.org(), a.id(), p)))
                            .toList());
            var held = new ArrayList<String>();
            for (int i = 0; i < ceiling.size(); i++) {
                if (granted.get(i)) {
                    held.add(ceiling.get(i));
                }
            }
            if (!held.isEmpty()) {
                out.put(a.id(), held);
            }
        }
        return out;
    }

    /** The user's pending consents, oldest first. */
    public List<ConsentRequest> pendingConsents(Member user) {
        return ports.consents().pending(user.org(), user.email()).stream()
                .map(c -> ConsentRequests.of(ports, c))
                .toList();
    }

    /** A hop, for its user, an admin or compliance reviewer of its organisation. */
    public Hop hop(Member viewer, String handoffId) {
        return ports.handoffs()
                .hop(handoffId)
                .filter(h -> h.org().equals(viewer.org()))
                .filter(h -> seesAll(viewer) || h.user().equalsIgnoreCase(viewer.email()))
                .orElseThrow(() -> DomainException.notFound("no such hand-off"));
    }

    /** A hop, for the agent whose bearer token this is, if it sent or received the hop. */
    public Hop hopForAgent(String bearer, String handoffId) {
        AgentPrincipal agent = (bearer == null
                        ? java.util.Optional.<AgentPrincipal>empty()
                        : ports.authentication().authenticate(bearer))
                .orElseThrow(() -> new HandoffRefused(AciError.INVALID_AGENT_TOKEN, "not a valid agent token"));
        return ports.handoffs()
                .hop(handoffId)
                .filter(h -> h.org().equals(agent.org()))
                .filter(h -> h.from().equals(agent.agent()) || h.to().equals(agent.agent()))
                .orElseThrow(() -> DomainException.notFound("no such hand-off"));
    }

    private static boolean seesAll(Member viewer) {
        return viewer.role().equals(Member.ORG_ADMIN) || viewer.role().equals(Member.COMPLIANCE_REVIEWER);
    }
}
