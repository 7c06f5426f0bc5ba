package app.proxyme.domain.fakes;

import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.domain.port.out.contract.TokenVaultContractTest;
import java.time.Clock;

/** The in-memory token vault keeps the token vault's contract. */
class InMemoryTokenVaultTest extends TokenVaultContractTest {
    @Override
    protected TokenVault vault(RelationshipCheck fga, Clock clock) {
        return new InMemoryTokenVault(fga, clock);
    }
}
