package app.proxyme.engine.adapter.ciba;

import java.net.URI;
import java.util.Objects;

/**
 * The Auth0 tenant and the confidential client that starts CIBA requests.
 *
 * @param baseUrl {@code https://<domain>} (or, for tests, {@code http://127.0.0.1:<port>}), without a trailing slash
 * @param clientId the client's id
 * @param clientSecret the client's secret; never logged, and left out of {@link #toString()}
 * @param audience the API whose {@code authorization_details} types the request uses ({@code proxyme_suggestion} is
 *     registered there), or {@code null} to send none
 */
public record CibaSettings(String baseUrl, String clientId, String clientSecret, String audience) {
    public CibaSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requireText(clientId, "the client id (PROXYME_AUTH0_CLIENT_ID)");
        requireText(clientSecret, "the client secret (PROXYME_AUTH0_CLIENT_SECRET)");
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("the Auth0 domain is not a host name or an absolute URL: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        audience = audience == null || audience.isBlank() ? null : audience;
    }

    /** {@code domain}: a host name ({@code acme.eu.auth0.com}) or a full URL ({@code http://127.0.0.1:8089}). */
    public static CibaSettings auth0(String domain, String clientId, String clientSecret, String audience) {
        Objects.requireNonNull(domain, "domain");
        return new CibaSettings(
                domain.contains("://") ? domain : "https://" + domain, clientId, clientSecret, audience);
    }

    /** Without an audience. */
    public static CibaSettings auth0(String domain, String clientId, String clientSecret) {
        return auth0(domain, clientId, clientSecret, null);
    }

    /** The tenant's issuer as its tokens (and {@code login_hint}) name it: {@code <baseUrl>/}. */
    public String issuer() {
        return baseUrl + "/";
    }

    URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }

    @Override
    public String toString() {
        return "CibaSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***, audience=" + audience
                + "]";
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
