package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.port.out.Leases;
import java.time.Clock;

/** Lets a test hold leases as one of several instances on one database, by their own clock. */
public final class TestInstances {
    private TestInstances() {}

    public static Leases leases(Database db, String instance, Clock clock) {
        return db.leasesOf(instance, clock);
    }
}
