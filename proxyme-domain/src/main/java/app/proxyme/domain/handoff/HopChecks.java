package app.proxyme.domain.handoff;

import app.proxyme.domain.aci.AciError;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.Envelope;
import app.proxyme.domain.aci.EnvelopeReader;
import app.proxyme.domain.aci.GatewaySettings;
import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.aci.HopAuth;
import app.proxyme.domain.aci.TokenRef;
import app.proxyme.domain.port.out.AgentGrants;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks 1 to 8 of ACI.md, each a method that passes or throws {@link HandoffRefused}. */
final class HopChecks {
    private final GatewayPorts ports;
    private final GatewaySettings settings;

    HopChecks(GatewayPorts ports, GatewaySettings settings) {
        this.ports = ports;
        this.settings = settings;
    }

    /** 1 {@code schema}: a v1 envelope within the limits. */
    void schema(HopRun run, String body) {
        run.bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (run.bytes > Envelope.MAX_BYTES) {
            throw HandoffRefused.invalid("envelope", "at most " + Envelope.MAX_BYTES + " bytes");
        }
        run.tree = ports.format().parse(body);
        run.envelope = EnvelopeReader.read(run.tree);
        run.sig = EnvelopeReader.signature(run.tree);
        if (run.envelope.auth().maxDepth() > settings.maxDepth()) {
            throw HandoffRefused.invalid("auth.maxDepth", "at most the organisation's " + settings.maxDepth());
        }
    }

    /** 2 {@code agent}: the bearer token stands for {@code from}, registered and enabled in the organisation. */
    Agent agent(AgentPrincipal caller, Envelope envelope) {
        HopAuth auth = envelope.auth();
        if (caller == null
                || !caller.org().equals(auth.org())
                || !caller.agent().equals(auth.from())) {
            throw new HandoffRefused(AciError.INVALID_AGENT_TOKEN, "the bearer token does not stand for auth.from");
        }
        return ports.agents()
                .find(auth.org(), auth.from())
                .filter(Agent::enabled)
                .orElseThrow(() -> new HandoffRefused(
                        AciError.INVALID_AGENT_TOKEN, "auth.from is not an enabled agent of the organisation"));
    }

    /** 3 {@code signature}: {@code sig} signs the canonical envelope with {@code from}'s registered key. */
    void signature(HopRun run, Agent from) {
        var unsigned = new LinkedHashMap<>(run.tree);
        unsigned.remove("sig");
        if (!ports.signatures().verify(run.sig, ports.format().canonical(unsigned), from)) {
            throw new HandoffRefused(AciError.INVALID_SIGNATURE, "sig is not a valid signature by auth.from");
        }
    }

    /** 4 {@code replay}: the id unseen, the time within the accepted skew. */
    void replay(Envelope envelope) {
        Instant now = ports.clock().instant();
        Duration skew = settings.clockSkew();
        if (Duration.between(envelope.ts(), now).abs().compareTo(skew) > 0) {
            throw new HandoffRefused(AciError.REPLAY, "ts is more than " + skew.toSeconds() + " s from now");
        }
        if (!ports.replay()
                .firstSeen(envelope.auth().org(), envelope.id(), envelope.ts().plus(skew))) {
            throw new HandoffRefused(AciError.REPLAY, "this envelope id was seen before");
        }
    }

    /** 5 {@code token}: the reference live and bound to this org, user, chain and {@code from}; limits only tighten. */
    TokenRef token(Envelope envelope) {
        HopAuth auth = envelope.auth();
        TokenRef ref = ports.tokens()
                .find(auth.tokenRef())
                .orElseThrow(() -> new HandoffRefused(AciError.INVALID_TOKEN_REF, "unknown token reference"));
        boolean bound = ref.org().equals(auth.org())
                && ref.user().equals(auth.user())
                && ref.chainId().equals(envelope.chainId())
                && ref.agent().equals(auth.from());
        if (!bound) {
            throw new HandoffRefused(AciError.INVALID_TOKEN_REF, "the token reference is bound to another hop");
        }
        if (ref.revoked() != null) {
            throw new HandoffRefused(AciError.REVOKED, "the token reference was revoked (" + ref.revoked() + ")");
        }
        if (!ref.live(ports.clock().instant())) {
            throw new HandoffRefused(AciError.INVALID_TOKEN_REF, "the token reference expired");
        }
        if (!envelope.safety().redlines().containsAll(ref.redlines())) {
            throw HandoffRefused.invalid("safety.redlines", "red lines may be added along a chain, never removed");
        }
        if (auth.maxDepth() > ref.maxDepth()) {
            throw HandoffRefused.invalid("auth.maxDepth", "may be lowered along a chain, never raised");
        }
        return ref;
    }

    /** 6 {@code revocation}: neither the chain nor the user's grant to {@code from} or {@code to} revoked. */
    void revocation(Envelope envelope) {
        HopAuth auth = envelope.auth();
        boolean chainRevoked = ports.handoffs()
                .chain(envelope.chainId())
                .map(c -> c.revoked() || !c.org().equals(auth.org()))
                .orElse(true);
        if (chainRevoked) {
            throw new HandoffRefused(AciError.REVOKED, "the chain was revoked");
        }
        String user = RelationshipCheck.user(auth.user());
        List<Boolean> stopped = ports.fga()
                .check(List.of(
                        new RelationshipQuery(user, AgentGrants.STOPPED_BY, AgentGrants.agent(auth.org(), auth.from())),
                        new RelationshipQuery(user, AgentGrants.STOPPED_BY, AgentGrants.agent(auth.org(), auth.to()))));
        if (stopped.contains(Boolean.TRUE)) {
            throw new HandoffRefused(AciError.REVOKED, "the user revoked their grant to an agent of this hop");
        }
    }

    /** 7 {@code chain}: {@code to} registered and enabled, not already in the chain, the depth within the limit. */
    Agent chain(Envelope envelope) {
        HopAuth auth = envelope.auth();
        Agent to = ports.agents()
                .find(auth.org(), auth.to())
                .filter(Agent::enabled)
                .orElseThrow(() -> HandoffRefused.invalid("auth.to", "not an enabled agent of the organisation"));
        if (auth.chain().contains(to.id())) {
            throw new HandoffRefused(AciError.LOOP_DETECTED, to.id() + " already holds work in this chain");
        }
        if (auth.depth() > auth.maxDepth()) {
            throw new HandoffRefused(
                    AciError.CHAIN_TOO_DEEP, "depth " + auth.depth() + " is beyond maxDepth " + auth.maxDepth());
        }
        return to;
    }

    /**
     * 8 {@code permissions}, first half: the requested permissions within {@code to}'s ceiling (else
     * {@code escalation}, flagged), and those the user has not granted to {@code to} (FGA).
     */
    List<String> ungranted(HopRun run, Envelope envelope) {
        HopAuth auth = envelope.auth();
        String org = auth.org();
        String agent = AgentGrants.agent(org, auth.to());
        String user = RelationshipCheck.user(auth.user());
        var queries = new ArrayList<RelationshipQuery>();
        for (String p : auth.permissions()) {
            queries.add(new RelationshipQuery(agent, AgentGrants.CEILING, AgentGrants.held(org, auth.to(), p)));
            queries.add(new RelationshipQuery(user, AgentGrants.GRANTED, AgentGrants.held(org, auth.to(), p)));
        }
        List<Boolean> answers = ports.fga().check(queries);
        var outside = new ArrayList<String>();
        var ungranted = new ArrayList<String>();
        for (int i = 0; i < auth.permissions().size(); i++) {
            if (!answers.get(2 * i)) {
                outside.add(auth.permissions().get(i));
            } else if (!answers.get(2 * i + 1)) {
                ungranted.add(auth.permissions().get(i));
            }
        }
        if (!outside.isEmpty()) {
            run.anomalies.add("escalation");
            run.missing = outside;
            throw HandoffRefused.missing(
                    AciError.ESCALATION, auth.to() + " may never hold " + String.join(", ", outside), outside, null);
        }
        return ungranted;
    }

    /** The detail of a refusal for the audit: its code and extra fields. */
    static Map<String, Object> refusal(HandoffRefused e) {
        var m = new LinkedHashMap<String, Object>(e.fields());
        m.put("error", e.error().code());
        return m;
    }
}
