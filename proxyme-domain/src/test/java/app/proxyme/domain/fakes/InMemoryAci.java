package app.proxyme.domain.fakes;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.aci.Consent;
import app.proxyme.domain.aci.ConsentStatus;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.TokenRef;
import app.proxyme.domain.port.out.AgentPermissions;
import app.proxyme.domain.port.out.AgentRegistry;
import app.proxyme.domain.port.out.Consents;
import app.proxyme.domain.port.out.Handoffs;
import app.proxyme.domain.port.out.ReplayGuard;
import app.proxyme.domain.port.out.TokenRefs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** In-memory fakes of the ACI storage ports, faithful to their contracts (one-time takes, CAS settles). */
public final class InMemoryAci {
    private InMemoryAci() {}

    public static final class Agents implements AgentRegistry {
        private final Map<String, Agent> agents = new LinkedHashMap<>();
        private final Map<String, Credentials> credentials = new HashMap<>();

        @Override
        public synchronized void register(Agent agent, Credentials c) {
            if (agents.putIfAbsent(agent.org() + "/" + agent.id(), agent) != null) {
                throw DomainException.conflict("duplicate agent");
            }
            credentials.put(c.clientId(), c);
        }

        @Override
        public synchronized Optional<Agent> find(String org, String id) {
            return Optional.ofNullable(agents.get(org + "/" + id));
        }

        @Override
        public synchronized List<Agent> list(String org) {
            return agents.values().stream()
                    .filter(a -> a.org().equals(org))
                    .sorted(Comparator.comparing(Agent::id))
                    .toList();
        }

        @Override
        public synchronized boolean disable(String org, String id) {
            return agents.computeIfPresent(org + "/" + id, (k, a) -> a.disabled()) != null;
        }

        @Override
        public synchronized Optional<Credentials> credentials(String clientId) {
            return Optional.ofNullable(credentials.get(clientId));
        }

        @Override
        public synchronized Optional<Agent> byAuth0Client(String auth0ClientId) {
            return agents.values().stream()
                    .filter(a -> auth0ClientId.equals(a.auth0ClientId()))
                    .findFirst();
        }
    }

    public static final class Tokens implements TokenRefs {
        public final Map<String, TokenRef> refs = new LinkedHashMap<>();

        @Override
        public synchronized void save(TokenRef ref) {
            refs.put(ref.ref(), ref);
        }

        @Override
        public synchronized Optional<TokenRef> find(String ref) {
            return Optional.ofNullable(refs.get(ref));
        }

        @Override
        public int revokeChain(String org, String chainId, String reason) {
            return revoke(r -> r.org().equals(org) && r.chainId().equals(chainId), reason);
        }

        @Override
        public int revokeHolder(String org, String user, String agent, String reason) {
            return revoke(
                    r -> r.org().equals(org)
                            && r.user().equals(user)
                            && r.agent().equals(agent),
                    reason);
        }

        @Override
        public int revokeAgent(String org, String agent, String reason) {
            return revoke(r -> r.org().equals(org) && r.agent().equals(agent), reason);
        }

        private synchronized int revoke(Predicate<TokenRef> which, String reason) {
            int n = 0;
            for (var e : refs.entrySet()) {
                TokenRef r = e.getValue();
                if (r.revoked() == null && which.test(r)) {
                    e.setValue(new TokenRef(
                            r.ref(),
                            r.org(),
                            r.user(),
                            r.agent(),
                            r.chainId(),
                            r.permissions(),
                            r.redlines(),
                            r.maxDepth(),
                            r.expiresAt(),
                            reason));
                    n++;
                }
            }
            return n;
        }
    }

    public static final class Replays implements ReplayGuard {
        private final Map<String, Instant> seen = new HashMap<>();

        @Override
        public synchronized boolean firstSeen(String org, String envelopeId, Instant keepUntil) {
            return seen.putIfAbsent(org + "/" + envelopeId, keepUntil) == null;
        }
    }

    public static final class Hops implements Handoffs {
        private final Map<String, Chain> chains = new LinkedHashMap<>();
        private final Map<String, Hop> hops = new LinkedHashMap<>();
        private final Map<String, List<String>> byChain = new HashMap<>();
        public final List<Delivery> inboxes = new java.util.LinkedList<>();

        @Override
        public synchronized void startChain(Chain chain) {
            chains.put(chain.chainId(), chain);
        }

        @Override
        public synchronized Optional<Chain> chain(String chainId) {
            return Optional.ofNullable(chains.get(chainId));
        }

        @Override
        public synchronized List<Chain> chains(String org, String user, int limit) {
            return chains.values().stream()
                    .filter(c ->
                            c.org().equals(org) && (user == null || c.user().equals(user)))
                    .sorted(Comparator.comparing(Chain::startedAt).reversed())
                    .limit(limit)
                    .toList();
        }

        @Override
        public synchronized boolean revokeChain(String org, String chainId) {
            Chain c = chains.get(chainId);
            if (c == null || c.revoked() || !c.org().equals(org)) {
                return false;
            }
            chains.put(chainId, new Chain(c.org(), c.chainId(), c.user(), c.meetingId(), c.startedAt(), true));
            inboxes.removeIf(d -> d.chainId().equals(chainId));
            return true;
        }

        @Override
        public synchronized void save(Hop hop) {
            if (hops.put(hop.handoffId(), hop) == null) {
                byChain.computeIfAbsent(hop.chainId(), c -> new ArrayList<>()).add(hop.handoffId());
            }
        }

        @Override
        public synchronized int recentHops(String org, String chainId, Instant since) {
            List<String> ids = byChain.getOrDefault(chainId, List.of());
            int n = 0;
            for (int i = ids.size() - 1; i >= 0; i--) {
                Hop h = hops.get(ids.get(i));
                if (h.at().isBefore(since)) {
                    break;
                }
                n += h.org().equals(org) ? 1 : 0;
            }
            return n;
        }

        @Override
        public synchronized Optional<Hop> hop(String handoffId) {
            return Optional.ofNullable(hops.get(handoffId));
        }

        @Override
        public synchronized List<Hop> hops(String org, String chainId) {
            return byChain.getOrDefault(chainId, List.of()).stream()
                    .map(hops::get)
                    .filter(h -> h.org().equals(org))
                    .toList();
        }

        @Override
        public synchronized void deliver(Delivery delivery) {
            inboxes.add(delivery);
        }

        @Override
        public synchronized List<Delivery> take(String org, String agent, int max) {
            var taken = inboxes.stream()
                    .filter(d -> d.org().equals(org) && d.agent().equals(agent))
                    .limit(max)
                    .toList();
            inboxes.removeAll(taken);
            return taken;
        }

        @Override
        public synchronized int withdraw(String org, String user, String agent) {
            int before = inboxes.size();
            inboxes.removeIf(d -> d.org().equals(org)
                    && d.agent().equals(agent)
                    && d.envelope().auth().user().equals(user));
            return before - inboxes.size();
        }
    }

    public static final class ConsentBook implements Consents {
        private final Map<String, Consent> consents = new LinkedHashMap<>();

        @Override
        public synchronized void save(Consent consent) {
            consents.put(consent.consentId(), consent);
        }

        @Override
        public synchronized Optional<Consent> find(String consentId) {
            return Optional.ofNullable(consents.get(consentId));
        }

        @Override
        public synchronized Optional<Consent> settle(String consentId, ConsentStatus status) {
            Consent c = consents.get(consentId);
            if (c == null || c.status() != ConsentStatus.PENDING) {
                return Optional.empty();
            }
            Consent settled = new Consent(
                    c.consentId(),
                    c.handoffId(),
                    c.org(),
                    c.user(),
                    c.chainId(),
                    c.agent(),
                    c.missing(),
                    c.reason(),
                    status,
                    c.expiresAt(),
                    c.envelope());
            consents.put(consentId, settled);
            return Optional.of(settled);
        }

        @Override
        public synchronized List<Consent> pending(String org, String user) {
            return consents.values().stream()
                    .filter(c -> c.status() == ConsentStatus.PENDING
                            && c.org().equals(org)
                            && c.user().equals(user))
                    .toList();
        }

        @Override
        public synchronized List<Consent> due(Instant now) {
            return consents.values().stream()
                    .filter(c -> c.status() == ConsentStatus.PENDING
                            && !c.expiresAt().isAfter(now))
                    .toList();
        }

        @Override
        public synchronized boolean denied(String org, String chainId, String agent) {
            return consents.values().stream()
                    .anyMatch(c -> c.status() == ConsentStatus.DENIED
                            && c.org().equals(org)
                            && c.chainId().equals(chainId)
                            && c.agent().equals(agent));
        }
    }

    /** Permissions defined per organisation, as a policy file would. */
    public static final class Permissions implements AgentPermissions {
        public final Map<String, Map<String, String>> byOrg = new HashMap<>();

        @Override
        public Map<String, String> described(String org) {
            return byOrg.getOrDefault(org, Map.of());
        }
    }
}
