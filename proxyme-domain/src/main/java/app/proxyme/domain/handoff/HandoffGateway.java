package app.proxyme.domain.handoff;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.aci.AciError;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentId;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.Consent;
import app.proxyme.domain.aci.ConsentDecision;
import app.proxyme.domain.aci.ConsentRequest;
import app.proxyme.domain.aci.ConsentResult;
import app.proxyme.domain.aci.ConsentStatus;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.Envelope;
import app.proxyme.domain.aci.EnvelopeContent;
import app.proxyme.domain.aci.EnvelopeSafety;
import app.proxyme.domain.aci.GatewaySettings;
import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.HopAuth;
import app.proxyme.domain.aci.HopCheck;
import app.proxyme.domain.aci.HopResult;
import app.proxyme.domain.aci.PiiRedaction;
import app.proxyme.domain.aci.PiiSpan;
import app.proxyme.domain.aci.PiiType;
import app.proxyme.domain.aci.StartChain;
import app.proxyme.domain.aci.TokenRef;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.port.in.HandOff;
import app.proxyme.domain.port.out.ConsentNotifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ACI gateway: runs the eleven checks of ACI.md in order, each timed, records every hop (delivered, waiting or
 * refused) as an audit event before anything of it is visible, and delivers once with a new token reference for
 * {@code to}. Built-in agents pass the same checks.
 */
public final class HandoffGateway implements HandOff {
    private static final System.Logger LOG = System.getLogger(HandoffGateway.class.getName());

    /** The permission that lets a receiver see personal data unredacted. */
    public static final String READ_PII = "read:pii";

    private final GatewayPorts ports;
    private final GatewaySettings settings;
    private final HopChecks checks;
    private final RedlineCheck redlines;

    public HandoffGateway(GatewayPorts ports, GatewaySettings settings) {
        this.ports = ports;
        this.settings = settings;
        this.checks = new HopChecks(ports, settings);
        this.redlines = new RedlineCheck(ports.classifier());
    }

    @Override
    public HopResult start(StartChain c) {
        var member = ports.policies().member(c.user()).filter(m -> m.org().equals(c.org()));
        if (member.isEmpty()) {
            throw DomainException.forbidden("not a member of " + c.org());
        }
        Instant now = ports.clock().instant();
        int maxDepth = c.maxDepth() == 0 ? settings.maxDepth() : c.maxDepth();
        String chainId = Ids.next("ch");
        var ref = new TokenRef(
                Ids.next("tr"),
                c.org(),
                member.get().email(),
                AgentId.PROXYME,
                chainId,
                c.permissions(),
                c.redlines(),
                maxDepth,
                now.plus(settings.tokenTtl()),
                null);
        var envelope = new Envelope(
                UUID.randomUUID().toString(),
                now,
                chainId,
                new HopAuth(
                        c.org(),
                        member.get().email(),
                        AgentId.PROXYME,
                        c.to(),
                        c.permissions(),
                        c.reason(),
                        List.of(AgentId.PROXYME),
                        maxDepth,
                        ref.ref()),
                c.resonance(),
                c.content(),
                new EnvelopeSafety(List.of(), c.redlines()));
        ports.handoffs().startChain(new Chain(c.org(), chainId, member.get().email(), c.meetingId(), now, false));
        ports.tokens().save(ref);
        Map<String, Object> tree = new LinkedHashMap<>(envelope.toMap());
        tree.put("sig", ports.signatures().sign(AgentId.PROXYME, ports.format().canonical(tree)));
        return hop(new AgentPrincipal(c.org(), AgentId.PROXYME), ports.format().write(tree));
    }

    @Override
    public HopResult submit(String bearer, String body) {
        AgentPrincipal caller = bearer == null || bearer.isBlank()
                ? null
                : ports.authentication().authenticate(bearer).orElse(null);
        return hop(caller, body);
    }

    private HopResult hop(AgentPrincipal caller, String body) {
        var run = new HopRun(Ids.next("ho"));
        run.check(HopCheck.SCHEMA, () -> checks.schema(run, body));
        Agent from = run.check(HopCheck.AGENT, () -> checks.agent(caller, run.envelope));
        // from here on the organisation is authenticated: a refusal is recorded in its chain
        try {
            run.check(HopCheck.SIGNATURE, () -> checks.signature(run, from));
            run.check(HopCheck.REPLAY, () -> checks.replay(run.envelope));
            run.check(HopCheck.TOKEN, () -> checks.token(run.envelope));
            run.check(HopCheck.REVOCATION, () -> checks.revocation(run.envelope));
            Agent to = run.check(HopCheck.CHAIN, () -> checks.chain(run.envelope));
            long permissionsStart = System.nanoTime();
            List<String> ungranted = run.check(HopCheck.PERMISSIONS, () -> checks.ungranted(run, run.envelope));
            if (!ungranted.isEmpty()) {
                run.checks.removeLast();
                run.missing = ungranted;
                if (ports.consents().denied(run.envelope.auth().org(), run.envelope.chainId(), to.id())) {
                    run.waiting(HopCheck.PERMISSIONS, permissionsStart);
                    throw HandoffRefused.missing(
                            AciError.INSUFFICIENT_PERMISSIONS,
                            "the user denied this in the chain",
                            ungranted,
                            run.envelope.auth().permissions());
                }
                run.waiting(HopCheck.PERMISSIONS, permissionsStart);
                return askConsent(run);
            }
            return finish(run, to, hopOf(run, HandoffStatus.DELIVERED, null));
        } catch (HandoffRefused e) {
            refuse(hopOf(run, HandoffStatus.REFUSED, null), e);
            throw e;
        }
    }

    private HopResult askConsent(HopRun run) {
        Envelope env = run.envelope;
        HopAuth auth = env.auth();
        String consentId = Ids.next("cs");
        Instant deadline = ports.clock()
                .instant()
                .plus(ports.policies().policy(auth.org()).settings().approvalTimeout());
        var consent = new Consent(
                consentId,
                run.handoffId,
                auth.org(),
                auth.user(),
                env.chainId(),
                auth.to(),
                run.missing,
                auth.reason(),
                ConsentStatus.PENDING,
                deadline,
                env);
        Hop hop = hopOf(run, HandoffStatus.PENDING_CONSENT, consentId);
        audit(HopAudit.hop(hop, meetingOf(env.chainId()), null));
        ports.consents().save(consent);
        ports.handoffs().save(hop);
        tell(consent, ConsentNotifier::asked);
        return new HopResult(hop.handoffId(), env.chainId(), hop.status(), consentId, run.missing);
    }

    @Override
    public ConsentResult decide(String org, String user, String consentId, ConsentDecision decision) {
        Consent c = ports.consents()
                .find(consentId)
                .filter(x -> x.org().equals(org) && x.user().equalsIgnoreCase(user))
                .orElseThrow(() -> DomainException.notFound("no such consent"));
        if (c.status() != ConsentStatus.PENDING) {
            throw DomainException.conflict("the consent was already " + c.status());
        }
        String meeting = meetingOf(c.chainId());
        var entries = new ArrayList<AuditEntry>();
        entries.add(HopAudit.consent(c, decision.status(), meeting, c.user()));
        if (decision == ConsentDecision.ALLOW) {
            entries.add(HopAudit.grant(org, c.user(), c.agent(), c.missing(), c.chainId()));
        }
        ports.audit().append(entries);
        Consent settled = ports.consents().settle(consentId, decision.status()).orElseThrow(() -> {
            audit(HopAudit.consent(c, ConsentStatus.PENDING, meeting, "superseded"));
            return DomainException.conflict("the consent was settled elsewhere");
        });
        Hop waiting = ports.handoffs().hop(c.handoffId()).orElseThrow();
        var run = resumed(waiting, settled.envelope());
        HandoffStatus status;
        try {
            if (decision == ConsentDecision.DENY) {
                throw HandoffRefused.missing(
                        AciError.INSUFFICIENT_PERMISSIONS,
                        "the user denied the consent",
                        c.missing(),
                        settled.envelope().auth().permissions());
            }
            if (decision == ConsentDecision.ALLOW) {
                ports.grants().grant(org, c.user(), c.agent(), c.missing());
            }
            run.check(HopCheck.REVOCATION, () -> checks.revocation(run.envelope));
            Agent to = run.check(HopCheck.CHAIN, () -> checks.chain(run.envelope));
            run.checks.add(new CheckOutcome(HopCheck.PERMISSIONS, true, 0));
            finish(run, to, waiting);
            status = HandoffStatus.DELIVERED;
        } catch (HandoffRefused e) {
            refuse(
                    waiting.settled(
                            HandoffStatus.REFUSED, run.checks, waiting.ms() + run.ms(), Map.of(), run.anomalies, null),
                    e);
            status = HandoffStatus.REFUSED;
        }
        // told once the hop is delivered or refused, so that a card that closes means the hop has its outcome
        tell(settled, ConsentNotifier::settled);
        return new ConsentResult(consentId, settled.status(), c.handoffId(), status);
    }

    private HopRun resumed(Hop waiting, Envelope envelope) {
        var run = new HopRun(waiting.handoffId());
        run.checks.addAll(waiting.checks());
        run.anomalies.addAll(waiting.anomalies());
        run.envelope = envelope;
        run.bytes = waiting.bytes();
        run.missing = waiting.missing();
        return run;
    }

    /** Checks 9–11, then the delivery: audited first, then a new token reference and the inbox item. */
    private HopResult finish(HopRun run, Agent to, Hop base) {
        Envelope env = run.envelope;
        HopAuth auth = env.auth();
        var policy = ports.policies().policy(auth.org());
        run.check(
                HopCheck.REDLINES,
                () -> redlines.crossed(policy, env.content(), env.safety().redlines())
                        .ifPresent(r -> {
                            throw RedlineCheck.refusal(r);
                        }));
        List<PiiSpan> found = run.check(HopCheck.PII, () -> {
            var spans = new ArrayList<>(
                    ports.pii().scan("content.primary", env.content().primary()));
            if (env.content().context() != null) {
                spans.addAll(ports.pii().scan("content.context", env.content().context()));
            }
            return spans;
        });
        run.check(HopCheck.ANOMALY, () -> anomalies(run, to));
        String ref = Ids.next("tr");
        Envelope delivered = deliverable(env, ref, found);
        Map<String, Integer> counts = counts(found);
        Hop hop = base.settled(
                HandoffStatus.DELIVERED,
                run.checks,
                base.status() == HandoffStatus.PENDING_CONSENT ? base.ms() + run.ms() : run.ms(),
                counts,
                run.anomalies,
                null);
        audit(HopAudit.hop(hop, meetingOf(env.chainId()), null));
        ports.tokens()
                .save(new TokenRef(
                        ref,
                        auth.org(),
                        auth.user(),
                        to.id(),
                        env.chainId(),
                        auth.permissions(),
                        env.safety().redlines(),
                        auth.maxDepth(),
                        ports.clock().instant().plus(settings.tokenTtl()),
                        null));
        ports.handoffs().save(hop);
        ports.handoffs().deliver(new Delivery(hop.handoffId(), auth.org(), to.id(), env.chainId(), delivered));
        return new HopResult(hop.handoffId(), env.chainId(), HandoffStatus.DELIVERED, base.consentId(), List.of());
    }

    /** The envelope {@code to} gets: its own reference; PII replaced by labels unless it may read PII. */
    private static Envelope deliverable(Envelope env, String ref, List<PiiSpan> found) {
        if (env.auth().permissions().contains(READ_PII) || found.isEmpty()) {
            return env.delivered(ref, env.content(), found);
        }
        var primary = PiiRedaction.redact(env.content().primary(), only(found, "content.primary"));
        var spans = new ArrayList<>(primary.spans());
        String context = null;
        if (env.content().context() != null) {
            var redacted = PiiRedaction.redact(env.content().context(), only(found, "content.context"));
            context = redacted.text();
            spans.addAll(redacted.spans());
        }
        return env.delivered(
                ref, new EnvelopeContent(primary.text(), context, env.content().confidence()), spans);
    }

    private static List<PiiSpan> only(List<PiiSpan> spans, String field) {
        return spans.stream().filter(s -> s.field().equals(field)).toList();
    }

    private static Map<String, Integer> counts(List<PiiSpan> found) {
        var counts = new EnumMap<PiiType, Integer>(PiiType.class);
        found.forEach(s -> counts.merge(s.type(), 1, Integer::sum));
        var out = new LinkedHashMap<String, Integer>();
        counts.forEach((t, n) -> out.put(t.name(), n));
        return out;
    }

    /** Check 11: flags for review, never a refusal by itself. */
    private void anomalies(HopRun run, Agent to) {
        for (String p : run.envelope.auth().permissions()) {
            if (p.startsWith("agent:") && !p.substring("agent:".length()).equals(to.domain())) {
                run.anomalies.add("domain:" + p);
            }
        }
        int recent = ports.handoffs()
                .recentHops(
                        run.envelope.auth().org(),
                        run.envelope.chainId(),
                        ports.clock().instant().minusSeconds(60));
        if (recent >= settings.hopsPerMinute()) {
            run.anomalies.add("rate");
        }
    }

    private void refuse(Hop hop, HandoffRefused e) {
        Hop refused = hop.settled(
                HandoffStatus.REFUSED,
                hop.checks(),
                hop.ms(),
                hop.pii(),
                hop.anomalies(),
                e.error().code());
        // the refusal stands whether or not it could be recorded: nothing of the hop was delivered
        try {
            audit(HopAudit.hop(refused, meetingOf(refused.chainId()), HopChecks.refusal(e)));
            ports.handoffs().save(refused);
        } catch (RuntimeException unrecorded) {
            e.addSuppressed(unrecorded);
        }
    }

    private Hop hopOf(HopRun run, HandoffStatus status, String consentId) {
        Envelope env = run.envelope;
        HopAuth auth = env.auth();
        return new Hop(
                run.handoffId,
                auth.org(),
                env.chainId(),
                auth.user(),
                auth.from(),
                auth.to(),
                status,
                auth.permissions(),
                run.missing,
                run.checks,
                run.ms(),
                run.bytes,
                Map.of(),
                run.anomalies,
                null,
                consentId,
                env.content().confidence(),
                ports.clock().instant());
    }

    @Override
    public List<Delivery> inbox(String bearer, int max) {
        AgentPrincipal caller = bearer == null || bearer.isBlank()
                ? null
                : ports.authentication().authenticate(bearer).orElse(null);
        boolean enabled = caller != null
                && ports.agents()
                        .find(caller.org(), caller.agent())
                        .map(Agent::enabled)
                        .orElse(false);
        if (!enabled) {
            throw new HandoffRefused(AciError.INVALID_AGENT_TOKEN, "not a valid token of an enabled agent");
        }
        return ports.handoffs().take(caller.org(), caller.agent(), Math.max(1, Math.min(max, 50)));
    }

    /**
     * Tells the user's connections of a consent, once it is durable; a notification that cannot be sent changes
     * nothing (the consent waits in the database, and the overlay lists it when it connects).
     */
    private void tell(Consent consent, java.util.function.BiConsumer<ConsentNotifier, ConsentRequest> what) {
        try {
            what.accept(ports.notifier(), ConsentRequests.of(ports, consent));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a consent could not be announced: " + e.getMessage());
        }
    }

    @Override
    public int expireConsents() {
        int expired = 0;
        for (Consent c : ports.consents().due(ports.clock().instant())) {
            audit(HopAudit.consent(c, ConsentStatus.EXPIRED, meetingOf(c.chainId()), "engine"));
            Optional<Consent> settled = ports.consents().settle(c.consentId(), ConsentStatus.EXPIRED);
            settled.ifPresent(s -> tell(s, ConsentNotifier::settled));
            if (settled.isPresent()) {
                ports.handoffs()
                        .hop(c.handoffId())
                        .ifPresent(h -> ports.handoffs()
                                .save(h.settled(
                                        HandoffStatus.EXPIRED, h.checks(), h.ms(), h.pii(), h.anomalies(), null)));
                expired++;
            }
        }
        return expired;
    }

    private String meetingOf(String chainId) {
        return ports.handoffs().chain(chainId).map(Chain::meetingId).orElse(null);
    }

    private void audit(AuditEntry entry) {
        ports.audit().append(List.of(entry));
    }

    /** The chain a hop belongs to, if any (for callers that look a hop up). */
    public Optional<Hop> hop(String handoffId) {
        return ports.handoffs().hop(handoffId);
    }
}
