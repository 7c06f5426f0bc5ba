package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.domain.port.out.contract.TokenVaultContractTest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The embedded token vault keeps the token vault's contract. */
class EmbeddedTokenVaultTest extends TokenVaultContractTest {
    @TempDir
    Path dir;

    @Override
    protected TokenVault vault(RelationshipCheck fga, Clock clock) {
        return new EmbeddedTokenVault(SigningKeys.loadOrCreate(dir, "vault"), fga, clock);
    }
}
