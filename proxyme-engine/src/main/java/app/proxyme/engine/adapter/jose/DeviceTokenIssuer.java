package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.DeviceTokens;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.engine.keys.KeyRing;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Device tokens signed with the identity key ring, in every identity mode: issuer {@value #ISSUER} and
 * {@code scope: approvals}, which no sign-in token carries, so a device token never passes where a sign-in is needed
 * (and a sign-in token is not mistaken for a device's). They live as long as an embedded sign-in (12 hours).
 */
public final class DeviceTokenIssuer implements DeviceTokens {
    public static final String ISSUER = "proxyme-device";
    public static final String SCOPE = "approvals";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final MemberTokens tokens;

    public DeviceTokenIssuer(KeyRing identityKeys, PolicyStore policies, Clock clock) {
        this.tokens = new MemberTokens(identityKeys, ISSUER, LIFETIME, Map.of("scope", SCOPE), policies, clock);
    }

    @Override
    public String issue(Member member) {
        return tokens.issue(member);
    }

    @Override
    public Optional<Member> verify(String token) {
        return tokens.verify(token);
    }
}
