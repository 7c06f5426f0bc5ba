package app.proxyme.engine.adapter.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.domain.port.out.contract.TokenVaultContractTest;
import app.proxyme.engine.identity.RoleScopedVault;
import app.proxyme.engine.keys.KeyRing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The embedded issuer behind the role check keeps the token vault's contract. */
class EmbeddedTokenVaultTest extends TokenVaultContractTest {
    @Test
    void concurrent_requests_for_the_same_token_share_one_issuance() throws Exception {
        var vault = new EmbeddedTokenVault(
                KeyRing.ephemeral("vault", KeyRing.Kind.RSA, Clock.systemUTC()), Clock.systemUTC());
        var member = new Member("jae@acme.test", "acme", "junior_ae", null);
        var start = new CountDownLatch(1);
        var tokens = new ConcurrentLinkedQueue<ScopedToken>();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    tokens.add(vault.obtain(member, TokenVault.WRITE_SUGGESTIONS, "product"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, tokens.stream().map(ScopedToken::value).distinct().count());
        assertEquals(1, tokens.stream().filter(t -> !t.cached()).count(), "one issued, seven shared");
    }

    @Override
    protected TokenVault vault(RelationshipCheck fga, Clock clock) {
        return new RoleScopedVault(
                fga, new EmbeddedTokenVault(KeyRing.ephemeral("vault", KeyRing.Kind.RSA, clock), clock));
    }
}
