package app.proxyme.engine.adapter.oidc;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.access.BrowserSignIn;
import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Members signed in with an OpenID provider. A bearer token is accepted when Nimbus JOSE+JWT verifies it against the
 * provider's JWK set (found through its discovery document): signed RS256 or ES256 (nothing else), by a key of the
 * set (an unknown {@code kid} refreshes the set, at most once every {@link #JWKS_REFRESH}), issued by the configured
 * issuer for the configured audience, within its {@code exp} and {@code nbf} give or take {@link #LEEWAY}. Its member
 * is the one whose identity-provider subject is the token's {@code sub}, else the one whose e-mail a verified
 * {@code email} claim names; anyone else is refused. There is no sign-in by e-mail here. A verified token is
 * remembered for a few minutes; expiry and membership are judged on every use. While the provider cannot be reached,
 * no token is accepted ({@link DependencyUnavailableException}).
 */
public final class OidcIdentity implements Identity {
    static final Duration LEEWAY = Duration.ofSeconds(60);
    static final Duration JWKS_REFRESH = Duration.ofSeconds(30);
    /** A failed discovery is tried again after this long; meanwhile no token is accepted. */
    static final Duration DISCOVERY_RETRY = Duration.ofSeconds(30);

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final String DEPENDENCY = "identity provider";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OidcProvider provider;
    private final PolicyStore policies;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private volatile DefaultJWTProcessor<SecurityContext> processor;
    private volatile Discovery discovery;
    private volatile Instant discoveryFailedAt = Instant.EPOCH;

    private final Cache<String, Verified> recentlyVerified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private record Verified(String subject, String verifiedEmail, Instant expires) {}

    public OidcIdentity(OidcProvider provider, PolicyStore policies, Clock clock) {
        this.provider = provider;
        this.policies = policies;
        this.clock = clock;
    }

    /** No sign-in by e-mail: members sign in with the provider. */
    @Override
    public Optional<SignedIn> login(String email) {
        return Optional.empty();
    }

    @Override
    public Optional<Member> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 16_384) {
            return Optional.empty();
        }
        Verified v = recentlyVerified.getIfPresent(token);
        if (v == null) {
            Optional<Verified> checked = check(token);
            if (checked.isEmpty()) {
                return Optional.empty();
            }
            v = checked.get();
            recentlyVerified.put(token, v);
        }
        if (clock.instant().isAfter(v.expires().plus(LEEWAY))) {
            return Optional.empty();
        }
        Optional<Member> member = policies.memberBySubject(v.subject());
        if (member.isEmpty() && v.verifiedEmail() != null) {
            member = policies.member(v.verifiedEmail());
        }
        return member;
    }

    /** The provider's endpoints for browsers, from its discovery document; empty without a browser client id. */
    @Override
    public Optional<BrowserSignIn> browserSignIn() {
        if (provider.clientId() == null) {
            return Optional.empty();
        }
        processor(); // reads the discovery document once (retried every DISCOVERY_RETRY while it fails)
        Discovery d = discovery;
        if (d.authorizationEndpoint() == null || d.tokenEndpoint() == null) {
            throw new DependencyUnavailableException(
                    DEPENDENCY, "the discovery document names no authorization_endpoint or token_endpoint");
        }
        return Optional.of(new BrowserSignIn(
                provider.issuer(),
                d.authorizationEndpoint(),
                d.tokenEndpoint(),
                provider.clientId(),
                provider.audience(),
                "openid profile email"));
    }

    /** Proxy Me issues no identity tokens of its own here: the provider publishes its keys. */
    @Override
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of());
    }

    private Optional<Verified> check(String token) {
        try {
            JWTClaimsSet claims = processor().process(token, null);
            Object emailVerified = claims.getClaim("email_verified");
            String email = Boolean.TRUE.equals(emailVerified) ? claims.getStringClaim("email") : null;
            return Optional.of(new Verified(
                    claims.getSubject(), email, claims.getExpirationTime().toInstant()));
        } catch (RateLimitReachedException e) {
            return Optional.empty(); // an unknown key id again within the refresh interval: not one of the provider's
        } catch (KeySourceException e) {
            throw new DependencyUnavailableException(
                    DEPENDENCY, "cannot read the provider's keys: " + e.getMessage(), e);
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return Optional.empty();
        }
    }

    /** The token processor, made once the discovery document names the key set (retried every 30 s until then). */
    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (processor != null) {
                return processor;
            }
            if (clock.instant().isBefore(discoveryFailedAt.plus(DISCOVERY_RETRY))) {
                throw new DependencyUnavailableException(DEPENDENCY, "the provider's discovery document failed lately");
            }
            try {
                Discovery found = discover();
                var built = build(found.jwksUri());
                discovery = found; // before the processor: whoever sees the processor sees the discovery too
                processor = built;
                return built;
            } catch (DependencyUnavailableException e) {
                discoveryFailedAt = clock.instant();
                throw e;
            }
        }
    }

    /** What the discovery document says: where the keys are, and where browsers sign in. */
    private record Discovery(URI jwksUri, String authorizationEndpoint, String tokenEndpoint) {}

    private Discovery discover() {
        JsonNode doc;
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(provider.discovery())
                            .timeout(HTTP_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new DependencyUnavailableException(
                        DEPENDENCY, "discovery " + provider.discovery() + " answered " + r.statusCode());
            }
            doc = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new DependencyUnavailableException(DEPENDENCY, "discovery " + provider.discovery() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException(DEPENDENCY, "interrupted while reading the discovery document");
        }
        if (!provider.issuer().equals(doc.path("issuer").asText())) {
            throw new DependencyUnavailableException(
                    DEPENDENCY,
                    "the discovery document names issuer '" + doc.path("issuer").asText() + "', not '"
                            + provider.issuer() + "'");
        }
        String jwks = doc.path("jwks_uri").asText("");
        if (jwks.isEmpty()) {
            throw new DependencyUnavailableException(DEPENDENCY, "the discovery document names no jwks_uri");
        }
        return new Discovery(URI.create(jwks), text(doc, "authorization_endpoint"), text(doc, "token_endpoint"));
    }

    private static String text(JsonNode doc, String field) {
        String value = doc.path(field).asText("");
        return value.isEmpty() ? null : value;
    }

    private DefaultJWTProcessor<SecurityContext> build(URI jwksUri) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUri.toURL())
                    .cache(Duration.ofHours(12).toMillis(), HTTP_TIMEOUT.toMillis())
                    .rateLimited(JWKS_REFRESH.toMillis())
                    .retrying(false)
                    .build();
        } catch (java.net.MalformedURLException e) {
            throw new DependencyUnavailableException(DEPENDENCY, "bad jwks_uri " + jwksUri, e);
        }
        var p = new DefaultJWTProcessor<SecurityContext>();
        p.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(
                provider.audience(),
                new JWTClaimsSet.Builder().issuer(provider.issuer()).build(),
                Set.of("sub", "exp"));
        claims.setMaxClockSkew((int) LEEWAY.toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }
}
