package app.proxyme.engine.adapter.auth0;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.connect.AccountNotConnectedException;
import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.connect.RateLimitedException;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.FederatedTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Auth0 Token Vault (CONTRACTS.md): the user's own Auth0 access token — the bearer they signed in with — is exchanged
 * at {@code POST https://<domain>/oauth/token} for the access token of their account at a federated connection
 * ({@code slack}, ...). A token is kept until {@link #REFRESH_BEFORE} before it expires, per member and connection;
 * concurrent requests for one share one exchange. Each exchange has {@link #TIMEOUT}. Errors become the domain's: 401
 * (no linked account, or a refresh token it lost) → {@link AccountNotConnectedException}; 429 →
 * {@link RateLimitedException} with the {@code Retry-After} Auth0 sent; anything else, or no answer →
 * {@link DependencyUnavailableException}. The client secret and the tokens are never logged.
 */
public final class Auth0TokenVault implements FederatedTokens {
    static final String GRANT = "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token";
    static final String SUBJECT_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    static final String REQUESTED_TYPE = "http://auth0.com/oauth/token-type/federated-connection-access-token";
    /** A cached token is exchanged anew this long before it expires. */
    static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);
    private static final String DEPENDENCY = "token_vault";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;
    private final Cache<Key, FederatedToken> tokens;
    /** Exchanges under way: a second request for the same member and connection waits for the first one's answer. */
    private final Map<Key, CompletableFuture<FederatedToken>> inFlight = new ConcurrentHashMap<>();

    private record Key(String org, String email, String connection) {}

    /**
     * @param domain the tenant: a host name ({@code acme.eu.auth0.com}) or, for tests, {@code http://host:port}
     */
    public Auth0TokenVault(String domain, String clientId, String clientSecret, Clock clock) {
        this(domain, clientId, clientSecret, clock, TIMEOUT);
    }

    /** @param timeout how long one exchange may take (connect and answer) */
    Auth0TokenVault(String domain, String clientId, String clientSecret, Clock clock, Duration timeout) {
        Objects.requireNonNull(domain, "domain");
        String base = domain.contains("://") ? domain : "https://" + domain;
        this.tokenEndpoint = URI.create((base.endsWith("/") ? base : base + "/") + "oauth/token");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.tokens = Caffeine.newBuilder()
                .maximumSize(10_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<Key, FederatedToken>creating((key, token) -> usableFor(token)))
                .build();
    }

    @Override
    public FederatedToken token(Member member, String subjectToken, String connection) {
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new AccountNotConnectedException(connection, "no Auth0 sign-in to exchange");
        }
        try {
            // one exchange per member and connection at a time: the others wait for its token
            return tokens.get(
                    new Key(member.org(), member.email(), connection), k -> exchange(subjectToken, connection));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Duration usableFor(FederatedToken token) {
        Duration left = Duration.between(clock.instant(), token.expiresAt()).minus(REFRESH_BEFORE);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private FederatedToken exchange(String subjectToken, String connection) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT);
        form.put("subject_token_type", SUBJECT_TYPE);
        form.put("subject_token", subjectToken);
        form.put("requested_token_type", REQUESTED_TYPE);
        form.put("connection", connection);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DependencyUnavailableException(DEPENDENCY, "Auth0 did not answer the token exchange", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException(DEPENDENCY, "interrupted during the token exchange");
        }
        return answer(response, connection);
    }

    private FederatedToken answer(HttpResponse<String> response, String connection) {
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status == 200) {
            String token = body.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new DependencyUnavailableException(DEPENDENCY, "Auth0's answer holds no access_token");
            }
            Instant expires = clock.instant()
                    .plusSeconds(Math.max(0, body.path("expires_in").asLong(0)));
            return new FederatedToken(connection, token, body.path("scope").asText(""), expires, "auth0");
        }
        String error = body.path("error").asText("");
        String description = body.path("error_description").asText("");
        if (status == 401 || error.equals("federated_connection_refresh_token_not_found")) {
            throw new AccountNotConnectedException(connection, description.isEmpty() ? error : description);
        }
        if (status == 429) {
            throw new RateLimitedException(DEPENDENCY, retryAfter(response));
        }
        if (status == 403) {
            throw new DependencyUnavailableException(
                    DEPENDENCY, "Auth0 does not let this client use Token Vault (403 " + error + ")");
        }
        throw new DependencyUnavailableException(
                DEPENDENCY, "the token exchange failed with " + status + (error.isEmpty() ? "" : " " + error));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(DEFAULT_RETRY);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
