package app.proxyme.it.bench;

import app.proxyme.domain.policy.Member;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.oidc.OidcIdentity;
import app.proxyme.engine.adapter.oidc.OidcProvider;
import app.proxyme.engine.policy.PolicySeeder;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying an OpenID provider's bearer token ({@code PROXYME_IDENTITY=oidc}/{@code auth0}) with a warm JWK set: a
 * token seen lately (what every socket message and REST call of a signed-in user costs) and a token never seen before
 * (RS256 signature, issuer, audience, expiry, then the member). The provider is a local discovery document and JWK set
 * on 127.0.0.1, fetched once before measuring; members come from an H2 database seeded with the demo organisations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BearerVerificationBenchmark {
    private static final String AUDIENCE = "https://api.proxyme.test";

    private HttpServer provider;
    private String issuer;
    private RSAKey key;
    private Database db;
    private OidcIdentity identity;
    private String seen;

    /** A token made before each invocation of {@link #firstSight}, so that it is never in the verified cache. */
    @State(Scope.Thread)
    public static class FreshToken {
        String token;

        @Setup(Level.Invocation)
        public void sign(BearerVerificationBenchmark bench) {
            token = bench.token("auth0|jae@acme.test");
        }
    }

    @Setup
    public void setUp() throws Exception {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/";
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "jwks\"}";
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        provider.createContext("/.well-known/openid-configuration", x -> answer(x, discovery));
        provider.createContext("/jwks", x -> answer(x, jwks));
        provider.start();
        db = Database.open(Database.h2FileUrl(Files.createTempDirectory("proxyme-bearer-bench")), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
        identity = new OidcIdentity(new OidcProvider(issuer, AUDIENCE, null), db.policyStore(), Clock.systemUTC());
        seen = token("auth0|jae@acme.test");
        if (identity.verify(seen).isEmpty()) {
            throw new IllegalStateException(
                    "the provider's token is not accepted: the benchmark would measure refusals");
        }
    }

    @TearDown
    public void tearDown() {
        provider.stop(0);
        db.close();
    }

    @Benchmark
    public Member seenLately() {
        return identity.verify(seen).orElseThrow();
    }

    @Benchmark
    public Member firstSight(FreshToken fresh) {
        return identity.verify(fresh.token).orElseThrow();
    }

    String token(String subject) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
