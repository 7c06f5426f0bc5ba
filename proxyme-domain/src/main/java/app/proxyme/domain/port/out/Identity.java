package app.proxyme.domain.port.out;

import app.proxyme.domain.access.BrowserSignIn;
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

    /**
     * How a browser signs in with this identity's provider (Authorization Code + PKCE); empty for the embedded identity
     * (demo sign-in by e-mail) or when no client id for browsers is configured.
     *
     * @throws app.proxyme.domain.DependencyUnavailableException when the provider's discovery document cannot be read
     */
    default Optional<BrowserSignIn> browserSignIn() {
        return Optional.empty();
    }

    /** The public keys that verify this identity's tokens, as a JWK Set. */
    Map<String, Object> jwks();
}
