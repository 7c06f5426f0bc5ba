package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.contract.IdentityContractTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The embedded identity keeps the identity contract; each identity signs with a key pair of its own. */
class EmbeddedIdentityTest extends IdentityContractTest {
    @TempDir
    Path dir;

    @Override
    protected Identity identity(PolicyStore members, Clock clock) {
        return new EmbeddedIdentity(
                SigningKeys.loadOrCreate(dir.resolve(UUID.randomUUID().toString()), "identity"), members, clock);
    }
}
