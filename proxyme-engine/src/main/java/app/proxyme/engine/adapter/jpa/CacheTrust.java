package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.port.out.SharedCaches;

/**
 * Whether the persistence adapters may use their caches: always with the embedded database (one process owns it),
 * with PostgreSQL only while the {@link ChangeListener} listens.
 */
final class CacheTrust implements SharedCaches {
    private volatile State state;

    private CacheTrust(State state) {
        this.state = state;
    }

    /** One process owns the database: its own writes are the only ones. */
    static CacheTrust singleProcess() {
        return new CacheTrust(new State(true, "one process owns the embedded database"));
    }

    /** Not trusted until a listener says it listens. */
    static CacheTrust untilListening() {
        return new CacheTrust(new State(false, "not listening for other instances' changes yet: reading through"));
    }

    boolean trusted() {
        return state.trusted();
    }

    void listening() {
        state = new State(true, "listening for other instances' changes (PostgreSQL LISTEN proxyme_changes)");
    }

    void lost(String why) {
        state = new State(false, "not listening for other instances' changes (" + why + "): reading through");
    }

    @Override
    public State state() {
        return state;
    }
}
