package app.proxyme.web.boot;

import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentId;
import app.proxyme.domain.handoff.AgentDirectory;
import app.proxyme.domain.handoff.ChainControl;
import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.handoff.GatewayPorts;
import app.proxyme.domain.handoff.HandoffGateway;
import app.proxyme.domain.port.in.HandOff;
import app.proxyme.domain.port.out.AgentAuthentication;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.engine.adapter.fga.TupleAgentGrants;
import app.proxyme.engine.adapter.jose.EmbeddedAgentTokens;
import app.proxyme.engine.adapter.jose.NimbusEnvelopeSignatures;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.json.JcsEnvelopeFormat;
import app.proxyme.engine.adapter.oidc.Auth0AgentAuthentication;
import app.proxyme.engine.adapter.pii.LocalPiiScanner;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.web.app.MeetingHub;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The ACI gateway (ACI.md) assembled from its ports: the database's stores, the product's FGA, the configured topic
 * classifier, the local PII scanner, Nimbus signatures with the built-in agents' keys (shared in the database), and
 * embedded or Auth0 agent identity. The built-in agents are registered in every organisation that defines their
 * permissions, through the same registration as any agent.
 */
@ApplicationScoped
class AciWiring {
    private static final System.Logger LOG = System.getLogger(AciWiring.class.getName());

    /** The built-in agents of ACI.md: id, domain, ceiling. */
    static final Map<String, Map.Entry<String, Set<String>>> BUILT_IN = Map.of(
            AgentId.PROXYME,
            Map.entry("origin", Set.of()),
            "followup-drafter",
            Map.entry("communication", Set.of("write:slack", "read:transcripts")),
            "crm-notes",
            Map.entry("crm", Set.of("write:crm", "read:transcripts")));

    @Produces
    @Singleton
    AciSettings aciSettings() {
        return AciSettings.read(ConfigProvider.getConfig());
    }

    @Produces
    @Singleton
    @Typed(EmbeddedAgentTokens.class)
    EmbeddedAgentTokens agentTokens(KeyRings keys, Clock clock) {
        return new EmbeddedAgentTokens(keys.agents(), clock);
    }

    @Produces
    @Singleton
    GatewayPorts gatewayPorts(
            AciSettings settings,
            Database db,
            EmbeddedAgentTokens embedded,
            TupleStore tuples,
            RemoteTuples remote,
            RelationshipCheck fga,
            TopicClassifier classifier,
            PolicyStore policies,
            AuditLog audit,
            MeetingHub hub,
            Clock clock) {
        Database.AciStores stores = db.aciStores(clock);
        AgentAuthentication agents = settings.agentAuth().equals("auth0")
                ? new Auth0AgentAuthentication(settings.issuer(), settings.audience(), stores.agents())
                : embedded;
        Map<String, ECKey> keys = new ConcurrentHashMap<>();
        var signatures = new NimbusEnvelopeSignatures(agent -> BUILT_IN.containsKey(agent)
                ? keys.computeIfAbsent(agent, a -> parse(stores.builtInKeys().keyOf(a, () -> fresh(a))))
                : null);
        return new GatewayPorts(
                agents,
                stores.agents(),
                new JcsEnvelopeFormat(),
                signatures,
                stores.replay(),
                stores.tokens(),
                stores.handoffs(),
                stores.consents(),
                fga,
                new TupleAgentGrants(tuples, remote),
                stores.permissions(),
                classifier,
                policies,
                new LocalPiiScanner(),
                audit,
                clock,
                new OverlayConsents(hub));
    }

    @Produces
    @Singleton
    @Typed(HandoffGateway.class)
    HandoffGateway gateway(GatewayPorts ports, AciSettings settings) {
        return new HandoffGateway(ports, settings.gateway());
    }

    @Produces
    @Singleton
    HandOff handOff(HandoffGateway gateway) {
        return gateway;
    }

    @Produces
    @Singleton
    ChainControl chainControl(GatewayPorts ports) {
        return new ChainControl(ports);
    }

    @Produces
    @Singleton
    ChainTimeline chainTimeline(GatewayPorts ports) {
        return new ChainTimeline(ports);
    }

    @Produces
    @Singleton
    AgentDirectory agentDirectory(
            GatewayPorts ports, PolicyAdmin admin, AciSettings settings, EmbeddedAgentTokens embedded) {
        var directory = new AgentDirectory(ports, settings.agentAuth().equals("embedded") ? embedded : null);
        for (String org : admin.organisations()) {
            BUILT_IN.forEach((id, spec) -> {
                if (ports.agents().find(org, id).isEmpty()) {
                    try {
                        directory.register(new Agent(
                                org,
                                id,
                                id,
                                spec.getKey(),
                                spec.getValue(),
                                ports.signatures().publicJwk(id),
                                null,
                                true));
                    } catch (RuntimeException e) {
                        LOG.log(
                                System.Logger.Level.INFO,
                                org + " does not define what " + id + " needs: " + e.getMessage());
                    }
                }
            });
        }
        return directory;
    }

    private static ECKey parse(String jwk) {
        try {
            return ECKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored built-in agent key is corrupt", e);
        }
    }

    private static String fresh(String agent) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(agent).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
