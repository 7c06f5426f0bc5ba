package app.proxyme.domain.fakes;

import app.proxyme.domain.port.out.AgentRegistry;
import app.proxyme.domain.port.out.Consents;
import app.proxyme.domain.port.out.Handoffs;
import app.proxyme.domain.port.out.ReplayGuard;
import app.proxyme.domain.port.out.TokenRefs;
import app.proxyme.domain.port.out.contract.AciStoresContractTest;

/** The in-memory ACI stores keep the stores' contract. */
class InMemoryAciTest extends AciStoresContractTest {
    private final InMemoryAci.Agents agents = new InMemoryAci.Agents();
    private final InMemoryAci.Tokens tokens = new InMemoryAci.Tokens();
    private final InMemoryAci.Replays replay = new InMemoryAci.Replays();
    private final InMemoryAci.Hops handoffs = new InMemoryAci.Hops();
    private final InMemoryAci.ConsentBook consents = new InMemoryAci.ConsentBook();

    @Override
    protected AgentRegistry agents() {
        return agents;
    }

    @Override
    protected TokenRefs tokens() {
        return tokens;
    }

    @Override
    protected ReplayGuard replay() {
        return replay;
    }

    @Override
    protected Handoffs handoffs() {
        return handoffs;
    }

    @Override
    protected Consents consents() {
        return consents;
    }
}
