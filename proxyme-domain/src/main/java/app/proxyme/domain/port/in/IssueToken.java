package app.proxyme.domain.port.in;

import app.proxyme.domain.policy.Member;

/** Use case: a scoped token for the calling member ({@code POST /api/vault/token}). */
public interface IssueToken {
    /** A token, what it is for, and how many seconds it has left. */
    record Issued(String token, String scope, String topic, long expiresInSeconds) {}

    /**
     * A token of {@code scope} (bound to {@code topic} where the scope needs one) for {@code caller}, through the same
     * role check as the tokens each chunk is processed with.
     *
     * @throws app.proxyme.domain.DomainException {@code BAD_REQUEST} for an unknown scope, {@code FORBIDDEN} when the
     *     caller's role may not hold the token
     */
    Issued issue(Member caller, String scope, String topic);
}
