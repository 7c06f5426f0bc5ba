package app.proxyme.it.bench;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.engine.adapter.jose.EmbeddedTokenVault;
import app.proxyme.engine.identity.RoleScopedVault;
import app.proxyme.engine.keys.KeyRing;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issuing a role-scoped {@code write:suggestions} token: warm (cached token, FGA re-checked) and cold (a vault
 * with an empty cache: FGA check plus an RS256 signature).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TokenVaultBenchmark {
    private DemoWorld world;
    private KeyRing keys;
    private TokenVault warm;
    private Member jae;

    @Setup
    public void setUp() {
        world = new DemoWorld();
        keys = KeyRing.ephemeral("vault", KeyRing.Kind.RSA, Clock.systemUTC());
        warm = new RoleScopedVault(world.fga, new EmbeddedTokenVault(keys, Clock.systemUTC()));
        jae = world.member("jae@acme.test");
        warm.obtain(jae, TokenVault.WRITE_SUGGESTIONS, "product");
    }

    @Benchmark
    public ScopedToken warm() {
        return warm.obtain(jae, TokenVault.WRITE_SUGGESTIONS, "product");
    }

    @Benchmark
    public ScopedToken cold() {
        return new RoleScopedVault(world.fga, new EmbeddedTokenVault(keys, Clock.systemUTC()))
                .obtain(jae, TokenVault.WRITE_SUGGESTIONS, "product");
    }
}
