package app.proxyme.domain.port.out;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import java.util.Map;
import java.util.Optional;

/** Signs members in and tells who a bearer token stands for. */
public interface Identity {
    /** A signed token for a known member (embedded sign-in); empty for an unknown email. */
    Optional<SignedIn> login(String email);

    /** The member a bearer token stands for; empty when the token is bad, expired, or its member is gone. */
    Optional<Member> verify(String token);

    /** The public keys that verify this identity's tokens, as a JWK Set. */
    Map<String, Object> jwks();
}
