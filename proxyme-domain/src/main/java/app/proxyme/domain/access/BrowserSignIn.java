package app.proxyme.domain.access;

import java.util.Objects;

/**
 * How a browser signs in with the organisation's OpenID provider: Authorization Code with PKCE for a public client
 * (no secret in the page). Everything here is public.
 *
 * @param issuer the provider
 * @param authorizationEndpoint where the browser is sent to sign in
 * @param tokenEndpoint where it exchanges the code (and its PKCE verifier) for an access token
 * @param clientId the overlay's public client id
 * @param audience the API the access token must be for (Auth0 asks for it at the authorization endpoint)
 * @param scope what the overlay asks for
 */
public record BrowserSignIn(
        String issuer,
        String authorizationEndpoint,
        String tokenEndpoint,
        String clientId,
        String audience,
        String scope) {
    public BrowserSignIn {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
    }
}
