package app.proxyme.domain.handoff;

import app.proxyme.domain.port.out.AgentAuthentication;
import app.proxyme.domain.port.out.AgentGrants;
import app.proxyme.domain.port.out.AgentPermissions;
import app.proxyme.domain.port.out.AgentRegistry;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.ConsentNotifier;
import app.proxyme.domain.port.out.Consents;
import app.proxyme.domain.port.out.EnvelopeFormat;
import app.proxyme.domain.port.out.EnvelopeSignatures;
import app.proxyme.domain.port.out.Handoffs;
import app.proxyme.domain.port.out.PiiScanner;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.ReplayGuard;
import app.proxyme.domain.port.out.TokenRefs;
import app.proxyme.domain.port.out.TopicClassifier;
import java.time.Clock;
import java.util.Objects;

/** The outgoing ports the gateway's use cases need, in one place. */
public record GatewayPorts(
        AgentAuthentication authentication,
        AgentRegistry agents,
        EnvelopeFormat format,
        EnvelopeSignatures signatures,
        ReplayGuard replay,
        TokenRefs tokens,
        Handoffs handoffs,
        Consents consents,
        RelationshipCheck fga,
        AgentGrants grants,
        AgentPermissions permissions,
        TopicClassifier classifier,
        PolicyStore policies,
        PiiScanner pii,
        AuditLog audit,
        Clock clock,
        ConsentNotifier notifier) {
    public GatewayPorts {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(handoffs, "handoffs");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(fga, "fga");
        Objects.requireNonNull(grants, "grants");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(pii, "pii");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(notifier, "notifier");
    }
}
