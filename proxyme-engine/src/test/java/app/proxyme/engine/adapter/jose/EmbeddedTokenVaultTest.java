package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.domain.port.out.contract.TokenVaultContractTest;
import app.proxyme.engine.keys.KeyRing;
import java.time.Clock;

/** The embedded token vault keeps the token vault's contract. */
class EmbeddedTokenVaultTest extends TokenVaultContractTest {
    @Override
    protected TokenVault vault(RelationshipCheck fga, Clock clock) {
        return new EmbeddedTokenVault(KeyRing.ephemeral("vault", KeyRing.Kind.RSA, clock), fga, clock);
    }
}
