package app.proxyme.domain.fakes;

import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.domain.port.out.contract.SuggestionStoreContractTest;

/** The in-memory suggestion store keeps the suggestion store's contract (it lives as long as the process). */
class InMemorySuggestionStoreTest extends SuggestionStoreContractTest {
    private final InMemoryStores.Suggestions store = new InMemoryStores.Suggestions();

    @Override
    protected SuggestionStore store() {
        return store;
    }

    /** Nothing restarts in memory: the same store stands for the process that keeps running. */
    @Override
    protected SuggestionStore reopened() {
        return store;
    }
}
