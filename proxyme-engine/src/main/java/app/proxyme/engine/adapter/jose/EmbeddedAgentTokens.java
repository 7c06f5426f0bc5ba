package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.aci.AgentId;
import app.proxyme.domain.aci.AgentPrincipal;
import app.proxyme.domain.aci.AgentToken;
import app.proxyme.domain.port.out.AgentAuthentication;
import app.proxyme.domain.port.out.AgentTokenIssuer;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The embedded stand-in for Auth0 M2M tokens (ACI.md {@code POST /api/aci/token}): RS256 access tokens for an agent,
 * signed with the current key of a shared {@link KeyRing} and verified with any of its keys, on every instance.
 */
public final class EmbeddedAgentTokens implements AgentAuthentication, AgentTokenIssuer {
    /** How long an agent's access token lives. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    static final String ISSUER = "proxyme-aci";
    static final String AUDIENCE = "proxyme-aci-agents";

    private final KeyRing keys;
    private final Clock clock;
    private final JWTVerifier verifier;

    public EmbeddedAgentTokens(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        var require = JWT.require(RingKeys.verifying(keys))
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withClaimPresence("org")
                .acceptLeeway(MemberTokens.LEEWAY.toSeconds());
        this.verifier = ((JWTVerifier.BaseVerification) require).build(clock);
    }

    /** An access token for the agent, valid for {@link #LIFETIME}. */
    @Override
    public AgentToken issue(AgentPrincipal agent) {
        return new AgentToken(token(agent), LIFETIME.toSeconds());
    }

    String token(AgentPrincipal agent) {
        Instant now = clock.instant();
        RingKey key = keys.signing();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withKeyId(key.kid())
                .withSubject(agent.agent())
                .withClaim("org", agent.org())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(LIFETIME))
                .sign(RingKeys.signingWith(key));
    }

    @Override
    public Optional<AgentPrincipal> authenticate(String bearer) {
        if (bearer == null || bearer.isBlank() || bearer.length() > 8192) {
            return Optional.empty();
        }
        try {
            DecodedJWT jwt = verifier.verify(bearer);
            String org = jwt.getClaim("org").asString();
            String agent = jwt.getSubject();
            if (org == null || !AgentId.valid(agent)) {
                return Optional.empty();
            }
            return Optional.of(new AgentPrincipal(org, agent));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
