package app.proxyme.engine.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenID provider for tests: a discovery document and a JWK set over HTTP on 127.0.0.1, and tokens signed by
 * its RS256 or ES256 key (or by keys it does not publish). It counts the JWK set's fetches, can rotate its RSA key,
 * and can be taken down (503). For browsers it signs in whoever {@link #signInAs} names through Authorization Code
 * with PKCE: {@code /authorize} redirects back at once with a code, {@code /oauth/token} exchanges it once, only with
 * the verifier whose S256 challenge the authorization request carried, and records what each request sent. As Auth0's
 * Token Vault, {@code /oauth/token} also exchanges one of its own access tokens for the token of a connection the
 * token's subject {@linkplain #link linked} (else 401 {@code federated_connection_refresh_token_not_found}).
 */
public final class OidcStub implements AutoCloseable {
    public static final String AUDIENCE = "https://api.proxyme.test";

    private final HttpServer server;
    private final String issuer;
    private volatile RSAKey rsa = rsaKey();
    private final ECKey ec = ecKey();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile boolean down;
    private volatile String signedIn;
    private volatile String vaultClientId;
    private volatile String vaultClientSecret;
    private final Map<String, java.util.Set<String>> linked = new ConcurrentHashMap<>();
    private final AtomicInteger federatedIssued = new AtomicInteger();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

    /** A code handed out by {@code /authorize}: for whom, and what its exchange must match. */
    private record Grant(String subject, String clientId, String redirectUri, String challenge, String audience) {}

    public OidcStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        server.createContext(
                "/.well-known/openid-configuration",
                x -> answer(
                        x,
                        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + ".well-known/jwks.json\","
                                + "\"authorization_endpoint\":\"" + issuer + "authorize\","
                                + "\"token_endpoint\":\"" + issuer + "oauth/token\"}"));
        server.createContext("/authorize", this::authorize);
        server.createContext("/oauth/token", this::exchange);
        server.createContext("/.well-known/jwks.json", x -> {
            jwksFetches.incrementAndGet();
            answer(x, published().toString());
        });
        server.start();
    }

    /** Who {@code /authorize} signs in from now on ({@code null}: it answers {@code access_denied}). */
    public void signInAs(String subject) {
        this.signedIn = subject;
    }

    /** The confidential client that may use the Token Vault exchange. */
    public void vaultClient(String clientId, String clientSecret) {
        this.vaultClientId = clientId;
        this.vaultClientSecret = clientSecret;
    }

    /** {@code subject} has linked their account at {@code connection}. */
    public void link(String subject, String connection) {
        linked.computeIfAbsent(subject, k -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    /** The query parameters of every {@code /authorize} request so far. */
    public List<Map<String, String>> authorizeRequests() {
        return List.copyOf(authorizeRequests);
    }

    /** The form fields of every {@code /oauth/token} request so far. */
    public List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The issuer, as its tokens name it ({@code http://127.0.0.1:<port>/}). */
    public String issuer() {
        return issuer;
    }

    /** How often the JWK set was fetched. */
    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Answers 503 to everything from now on ({@code true}), or serves again. */
    public void down(boolean down) {
        this.down = down;
    }

    /** A new RSA key signs and is published; the old one is published no more. */
    public void rotate() {
        rsa = rsaKey();
    }

    /** An RS256 access token for {@code subject}, valid for an hour, for the API's audience. */
    public String token(String subject) {
        return rs256(claims(subject).build());
    }

    /** Claims of a valid access token for {@code subject}, to change before signing. */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signed RS256 with the published RSA key. */
    public String rs256(JWTClaimsSet claims) {
        return sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).type(JOSEObjectType.JWT), claims, rsa);
    }

    /** Signed ES256 with the published EC key. */
    public String es256(JWTClaimsSet claims) {
        return sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).type(JOSEObjectType.JWT), claims, ec);
    }

    /** Signed RS256 by a key that is not published, under the published key's id. */
    public String forged(JWTClaimsSet claims) {
        return sign(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).type(JOSEObjectType.JWT),
                claims,
                rsaKey());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        authorizeRequests.add(q);
        String redirect = q.get("redirect_uri");
        if (redirect == null || !"code".equals(q.get("response_type")) || q.get("client_id") == null) {
            reply(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String back;
        if (signedIn == null) {
            back = "error=access_denied&error_description=" + enc("the user declined") + "&state="
                    + enc(q.get("state"));
        } else if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            back = "error=invalid_request&error_description=" + enc("PKCE S256 is required") + "&state="
                    + enc(q.get("state"));
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(
                    code,
                    new Grant(signedIn, q.get("client_id"), redirect, q.get("code_challenge"), q.get("audience")));
            back = "code=" + code + "&state=" + enc(q.get("state"));
        }
        x.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + back);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void exchange(HttpExchange x) throws IOException {
        x.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        if (x.getRequestMethod().equals("OPTIONS")) {
            x.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
            x.sendResponseHeaders(204, -1);
            x.close();
            return;
        }
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(f);
        if (FEDERATED_GRANT.equals(f.get("grant_type"))) {
            federated(x, f);
            return;
        }
        Grant grant = f.get("code") == null ? null : codes.remove(f.get("code"));
        if (!"authorization_code".equals(f.get("grant_type"))
                || grant == null
                || !grant.clientId().equals(f.get("client_id"))
                || !grant.redirectUri().equals(f.get("redirect_uri"))
                || f.get("code_verifier") == null
                || !grant.challenge().equals(s256(f.get("code_verifier")))) {
            reply(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        var claims = claims(grant.subject());
        if (grant.audience() != null) {
            claims.audience(grant.audience());
        }
        reply(
                x,
                200,
                "{\"access_token\":\"" + rs256(claims.build()) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    static final String FEDERATED_GRANT =
            "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token";

    /** Token Vault: the subject token must be one of this provider's, its subject must have linked the connection. */
    private void federated(HttpExchange x, Map<String, String> f) throws IOException {
        if (vaultClientId == null
                || !vaultClientId.equals(f.get("client_id"))
                || !vaultClientSecret.equals(f.get("client_secret"))) {
            reply(x, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String subject;
        try {
            var jwt = SignedJWT.parse(f.getOrDefault("subject_token", ""));
            if (!jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(rsa))) {
                throw new java.text.ParseException("not signed by this provider", 0);
            }
            subject = jwt.getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException | JOSEException e) {
            reply(x, 401, "{\"error\":\"invalid_grant\",\"error_description\":\"bad subject token\"}");
            return;
        }
        if (!linked.getOrDefault(subject, java.util.Set.of()).contains(f.get("connection"))) {
            reply(
                    x,
                    401,
                    "{\"error\":\"federated_connection_refresh_token_not_found\","
                            + "\"error_description\":\"Federated connection Refresh Token not found.\"}");
            return;
        }
        reply(
                x,
                200,
                "{\"access_token\":\"fed-" + f.get("connection") + "-" + federatedIssued.incrementAndGet()
                        + "\",\"scope\":\"chat:write\",\"expires_in\":1377,\"issued_token_type\":"
                        + "\"http://auth0.com/oauth/token-type/federated-connection-access-token\","
                        + "\"token_type\":\"Bearer\"}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        var out = new java.util.LinkedHashMap<String, String>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            }
        }
        return out;
    }

    private static String enc(String s) {
        return s == null ? "" : java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private JWKSet published() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
    }

    private void answer(HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        if (down) {
            x.sendResponseHeaders(503, -1);
        } else {
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    private static String sign(JWSHeader.Builder header, JWTClaimsSet claims, JWK key) {
        try {
            var jwt = new SignedJWT(header.build(), claims);
            jwt.sign(key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
