package app.proxyme.domain.handoff;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.AgentToken;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.AgentRegistry;
import app.proxyme.domain.port.out.AgentTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Registers and disables an organisation's agents (org admins): each gets client credentials, the secret shown once
 * and kept only as its SHA-256 (a random 256-bit secret needs no slow hash), and its ceiling as FGA tuples.
 */
public final class AgentDirectory {
    /** What registration hands back: the secret appears here and nowhere else. */
    public record Registered(String id, String clientId, String clientSecret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayPorts ports;
    private final AgentTokenIssuer issuer;

    /**
     * @param issuer issues agents' tokens for their client credentials (embedded mode), or {@code null} when agents
     *     get their tokens elsewhere (Auth0 M2M)
     */
    public AgentDirectory(GatewayPorts ports, AgentTokenIssuer issuer) {
        this.ports = ports;
        this.issuer = issuer;
    }

    /**
     * An access token for the agent whose client credentials these are; empty for wrong credentials or a disabled
     * agent.
     *
     * @throws DomainException {@code NOT_FOUND} when agents get their tokens elsewhere (connected mode)
     */
    public java.util.Optional<AgentToken> token(String clientId, String clientSecret) {
        if (issuer == null) {
            throw DomainException.notFound("agents get their tokens from the identity provider in this mode");
        }
        return authenticate(clientId, clientSecret).map(issuer::issue);
    }

    /**
     * Registers an agent.
     *
     * @throws DomainException {@code BAD_REQUEST} for a key that is not a public EC P-256 or Ed25519 JWK (with the
     *     reason) or a permission the policy does not define, {@code CONFLICT} for a duplicate id
     */
    public Registered register(Agent agent) {
        try {
            ports.signatures().requirePublicKey(agent.jwk());
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(e.getMessage());
        }
        var defined = ports.permissions().described(agent.org()).keySet();
        for (String p : agent.ceiling()) {
            if (!defined.contains(p)) {
                throw DomainException.badRequest("permission " + p + " is not defined by the policy");
            }
        }
        if (ports.agents().find(agent.org(), agent.id()).isPresent()) {
            throw DomainException.conflict("agent " + agent.id() + " is already registered");
        }
        String clientId = Ids.next("ac");
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ports.agents()
                .register(agent, new AgentRegistry.Credentials(clientId, agent.org(), agent.id(), hash(clientSecret)));
        ports.grants().ceiling(agent.org(), agent.id(), agent.ceiling());
        return new Registered(agent.id(), clientId, clientSecret);
    }

    /**
     * Registers an agent in the admin's organisation (the console).
     *
     * @throws DomainException {@code FORBIDDEN} for a member who may not manage agents, else as {@link
     *     #register(Agent)}
     */
    public Registered register(Member admin, Agent agent) {
        Access.require(admin, Capability.MANAGE_AGENTS);
        if (!agent.org().equals(admin.org())) {
            throw DomainException.forbidden(Capability.MANAGE_AGENTS.refusal());
        }
        return register(agent);
    }

    /** The admin's organisation's agents (the console). */
    public List<Agent> list(Member admin) {
        Access.require(admin, Capability.MANAGE_AGENTS);
        return list(admin.org());
    }

    /** Disables an agent of the admin's organisation (the console), as {@link #disable(String, String)}. */
    public void disable(Member admin, String id) {
        Access.require(admin, Capability.MANAGE_AGENTS);
        disable(admin.org(), id);
    }

    public List<Agent> list(String org) {
        return ports.agents().list(org);
    }

    /** Disables an agent: its live token references end at once. */
    public void disable(String org, String id) {
        if (!ports.agents().disable(org, id)) {
            throw DomainException.notFound("no agent " + id);
        }
        ports.tokens().revokeAgent(org, id, "agent disabled");
    }

    /**
     * The enabled agent whose client credentials these are (embedded {@code POST /api/aci/token}); empty for wrong
     * credentials or a disabled agent. The hashes are compared in constant time.
     */
    public java.util.Optional<AgentPrincipal> authenticate(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null || clientSecret.length() > 200) {
            return java.util.Optional.empty();
        }
        return ports.agents()
                .credentials(clientId)
                .filter(c -> MessageDigest.isEqual(
                        c.secretHash().getBytes(StandardCharsets.US_ASCII),
                        hash(clientSecret).getBytes(StandardCharsets.US_ASCII)))
                .filter(c -> ports.agents()
                        .find(c.org(), c.agent())
                        .map(Agent::enabled)
                        .orElse(false))
                .map(c -> new AgentPrincipal(c.org(), c.agent()));
    }

    /** The stored form of a client secret. */
    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
