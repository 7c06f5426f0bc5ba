package app.proxyme.domain.fakes;

import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.contract.MeetingStoreContractTest;

/** The in-memory meeting store keeps the meeting store's contract. */
class InMemoryMeetingStoreTest extends MeetingStoreContractTest {
    private final InMemoryStores.Meetings store = new InMemoryStores.Meetings();

    @Override
    protected MeetingStore store() {
        return store;
    }
}
