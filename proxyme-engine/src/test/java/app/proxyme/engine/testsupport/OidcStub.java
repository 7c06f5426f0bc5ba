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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenID provider for tests: a discovery document and a JWK set over HTTP on 127.0.0.1, and tokens signed by
 * its RS256 or ES256 key (or by keys it does not publish). It counts the JWK set's fetches, can rotate its RSA key,
 * and can be taken down (503).
 */
public final class OidcStub implements AutoCloseable {
    public static final String AUDIENCE = "https://api.proxyme.test";

    private final HttpServer server;
    private final String issuer;
    private volatile RSAKey rsa = rsaKey();
    private final ECKey ec = ecKey();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private volatile boolean down;

    public OidcStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        server.createContext(
                "/.well-known/openid-configuration",
                x -> answer(x, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + ".well-known/jwks.json\"}"));
        server.createContext("/.well-known/jwks.json", x -> {
            jwksFetches.incrementAndGet();
            answer(x, published().toString());
        });
        server.start();
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
