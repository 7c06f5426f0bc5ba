package app.proxyme.domain.connect;

import java.time.Instant;
import java.util.Objects;

/**
 * A token for a user's account at a third party (a federated connection such as {@code slack}). The access token is
 * a secret: it is never printed, logged or handed to a browser.
 *
 * @param connection the connection it is for
 * @param accessToken the third party's access token
 * @param scope what the third party granted (may be empty)
 * @param expiresAt when it stops working
 * @param issuer who issued it: {@code auth0} (Token Vault) or {@code outbox} (the embedded stand-in)
 */
public record FederatedToken(String connection, String accessToken, String scope, Instant expiresAt, String issuer) {
    public FederatedToken {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issuer, "issuer");
        scope = scope == null ? "" : scope;
    }

    @Override
    public String toString() {
        return "FederatedToken[connection=" + connection + ", scope=" + scope + ", expiresAt=" + expiresAt + ", issuer="
                + issuer + "]";
    }
}
