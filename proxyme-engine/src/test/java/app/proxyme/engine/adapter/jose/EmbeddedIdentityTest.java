package app.proxyme.engine.adapter.jose;

import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.contract.IdentityContractTest;
import app.proxyme.engine.keys.KeyRing;
import java.time.Clock;

/** The embedded identity keeps the identity contract; each identity signs with a key ring of its own. */
class EmbeddedIdentityTest extends IdentityContractTest {
    @Override
    protected Identity identity(PolicyStore members, Clock clock) {
        return new EmbeddedIdentity(KeyRing.ephemeral("identity", KeyRing.Kind.RSA, clock), members, clock);
    }
}
