package app.proxyme.engine.testsupport;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.GatewaySettings;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.fakes.Fixtures;
import app.proxyme.domain.fakes.InMemoryAci;
import app.proxyme.domain.fakes.InMemoryPolicyStore;
import app.proxyme.domain.fakes.InMemoryStores;
import app.proxyme.domain.handoff.AgentDirectory;
import app.proxyme.domain.handoff.ChainControl;
import app.proxyme.domain.handoff.GatewayPorts;
import app.proxyme.domain.handoff.HandoffGateway;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.engine.aci.client.SigningAgent;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.fga.TupleAgentGrants;
import app.proxyme.engine.adapter.jose.NimbusEnvelopeSignatures;
import app.proxyme.engine.adapter.json.JcsEnvelopeFormat;
import app.proxyme.engine.adapter.pii.LocalPiiScanner;
import app.proxyme.engine.fga.InMemoryTupleStore;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ACI gateway over the real local adapters that need no database (JCS, Nimbus signatures, the embedded FGA
 * evaluator with the product's model, the local PII scanner) and in-memory stores; agent tokens are plain strings
 * mapped to agents. The classifier ranks {@code pricing} for texts that talk money, and can be switched off.
 */
public final class AciWorld {
    public static final String ORG = "acme";
    public static final String USER = Fixtures.AE.email();

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    public final InMemoryAci.Agents agents = new InMemoryAci.Agents();
    public final InMemoryAci.Tokens tokens = new InMemoryAci.Tokens();
    public final InMemoryAci.Hops handoffs = new InMemoryAci.Hops();
    public final InMemoryAci.ConsentBook consents = new InMemoryAci.ConsentBook();
    public final InMemoryAci.Permissions permissions = new InMemoryAci.Permissions();
    public final InMemoryStores.Audit audit = new InMemoryStores.Audit(clock);
    public final InMemoryTupleStore tuples = new InMemoryTupleStore();
    public final Map<String, AgentPrincipal> bearers = new HashMap<>();
    /** What the user's connections were told of consents: {@code asked cs_… PENDING}, {@code settled cs_… DENIED}. */
    public final List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();

    public volatile boolean classifierDown;

    private final ECKey proxymeKey;
    public final GatewayPorts ports;
    public final HandoffGateway gateway;
    public final ChainControl control;
    public final AgentDirectory directory;
    public final app.proxyme.domain.handoff.ChainTimeline timeline;

    public AciWorld() {
        try {
            proxymeKey = new ECKeyGenerator(Curve.P_256).keyID("proxyme").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        var policies = new InMemoryPolicyStore()
                .put(Fixtures.AE)
                .put(Fixtures.JAE)
                .put(new OrgPolicy(ORG, Fixtures.catalog(ORG), List.of(), Fixtures.SETTINGS));
        var described = new LinkedHashMap<String, String>();
        for (String p : List.of(
                "read:transcripts",
                "write:slack",
                "write:crm",
                "read:pii",
                "read:profile",
                "agent:automotive",
                "agent:finance",
                "read:investment_goals",
                "read:account_balances",
                "agent:reasoner")) {
            described.put(p, "Lets the agent " + p);
        }
        permissions.byOrg.put(ORG, described);
        ports = new GatewayPorts(
                bearer -> Optional.ofNullable(bearers.get(bearer)),
                agents,
                new JcsEnvelopeFormat(),
                new NimbusEnvelopeSignatures(agent -> agent.equals("proxyme") ? proxymeKey : null),
                new InMemoryAci.Replays(),
                tokens,
                handoffs,
                consents,
                new EmbeddedRelationshipCheck(tuples),
                new TupleAgentGrants(tuples),
                permissions,
                moneyTalk(),
                policies,
                new LocalPiiScanner(),
                audit,
                clock,
                new app.proxyme.domain.port.out.ConsentNotifier() {
                    @Override
                    public void asked(app.proxyme.domain.aci.ConsentRequest r) {
                        told.add("asked " + r.consent().consentId() + " "
                                + r.consent().status());
                    }

                    @Override
                    public void settled(app.proxyme.domain.aci.ConsentRequest r) {
                        told.add("settled " + r.consent().consentId() + " "
                                + r.consent().status());
                    }
                });
        gateway = new HandoffGateway(ports, GatewaySettings.DEFAULTS);
        control = new ChainControl(ports);
        directory = new AgentDirectory(ports, null);
        timeline = new app.proxyme.domain.handoff.ChainTimeline(ports);
        register("proxyme", "origin", Set.of(), proxymeKey.toPublicJWK().toJSONString());
    }

    /** Registers an agent and gives it the bearer token {@code "token-<id>"}. */
    public void register(String id, String domain, Set<String> ceiling, String jwk) {
        directory.register(new Agent(ORG, id, id, domain, ceiling, jwk, null, true));
        bearers.put("token-" + id, new AgentPrincipal(ORG, id));
    }

    /** Registers a test-written agent. */
    public SigningAgent external(String id, String domain, Set<String> ceiling) {
        var agent = new SigningAgent(id);
        register(id, domain, ceiling, agent.publicJwk());
        return agent;
    }

    private TopicClassifier moneyTalk() {
        return new TopicClassifier() {
            @Override
            public Classification classify(TopicCatalog catalog, String text) {
                return new Classification(false, 1.0, rankAnswer(catalog, text));
            }

            @Override
            public List<TopicScore> rankAnswer(TopicCatalog catalog, String answer) {
                if (classifierDown) {
                    throw new DependencyUnavailableException("classifier", "down");
                }
                String t = answer.toLowerCase(java.util.Locale.ROOT);
                return t.contains("price") || t.contains("discount")
                        ? List.of(new TopicScore("pricing", 0.9))
                        : List.of(new TopicScore("product", 0.3));
            }
        };
    }
}
