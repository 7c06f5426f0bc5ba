package app.proxyme.domain.port.in;

import app.proxyme.domain.access.BrowserSignIn;
import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in: who a bearer token stands for, the keys that verify tokens, and — with the embedded identity only — the
 * demo sign-in by e-mail that the overlay's user picker uses.
 */
public interface SignIn {
    /** The member a bearer token stands for; empty when it is bad, expired or its member is gone. */
    Optional<Member> authenticate(String bearerToken);

    /**
     * The member a bearer token stands for where only their approvals are concerned (listing, deciding, hearing of
     * them live): a sign-in token, or the token of a phone paired with the member ({@link PairDevice}).
     */
    Optional<Member> authenticateApprover(String bearerToken);

    /** The public keys (JWK set) that verify this deployment's tokens. */
    Map<String, Object> publicKeys();

    /**
     * How the overlay signs in with the organisation's OpenID provider (Authorization Code + PKCE); empty with the
     * embedded identity, or when the provider has no client id for browsers.
     */
    Optional<BrowserSignIn> browserSignIn();

    /** Whether demo sign-in by e-mail is offered (the embedded identity); otherwise its endpoints do not exist. */
    boolean demoSignInOffered();

    /** A token for a known member by e-mail alone; empty for an unknown e-mail or when demo sign-in is off. */
    Optional<SignedIn> demoSignIn(String email);

    /** The shipped demo organisations' members as stored now (removed ones left out); empty when demo sign-in is off. */
    List<Member> demoUsers();
}
