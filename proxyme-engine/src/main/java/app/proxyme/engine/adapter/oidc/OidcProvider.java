package app.proxyme.engine.adapter.oidc;

import java.net.URI;
import java.util.Objects;

/**
 * The OpenID provider whose tokens are accepted: its issuer (exactly as its tokens name it), the audience a token
 * must be for (the API's identifier), and the client id the overlay signs in with.
 */
public record OidcProvider(String issuer, String audience, String clientId) {
    public OidcProvider {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        URI uri = URI.create(issuer);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("the issuer is not an absolute URL: " + issuer);
        }
    }

    /**
     * An Auth0 tenant: {@code domain} is a host name ({@code acme.eu.auth0.com}, issuer {@code https://<domain>/}) or,
     * for tests, a full URL ({@code http://127.0.0.1:8089}).
     */
    public static OidcProvider auth0(String domain, String audience, String clientId) {
        Objects.requireNonNull(domain, "domain");
        String base = domain.contains("://") ? domain : "https://" + domain;
        return new OidcProvider(base.endsWith("/") ? base : base + "/", audience, clientId);
    }

    /** Where the discovery document is: {@code <issuer>/.well-known/openid-configuration}. */
    URI discovery() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }
}
