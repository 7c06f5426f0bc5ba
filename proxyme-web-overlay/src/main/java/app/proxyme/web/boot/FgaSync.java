package app.proxyme.web.boot;

import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.openfga.OpenFga;
import app.proxyme.engine.fga.RemoteModelLease;

/** {@code fga-sync} assembled: the database (migrated and seeded) and a connection to the configured OpenFGA store. */
public final class FgaSync {
    private FgaSync() {}

    /**
     * Writes the runtime model to the store (and the organisations' tuples when it has none), under the model lease
     * the instances' policy changes take.
     *
     * @return the new model's id
     * @throws IllegalArgumentException when FGA is not configured as {@code openfga}
     */
    public static String writeModel(RuntimeSettings settings) {
        if (!settings.fga().connected()) {
            throw new IllegalArgumentException(
                    "fga-sync needs PROXYME_FGA=openfga, PROXYME_FGA_API_URL and PROXYME_FGA_STORE_ID");
        }
        try (Database db = Persistence.open(settings.engine());
                OpenFga fga = OpenFga.open(settings.fga());
                var held = new RemoteModelLease(db.leases(), OpenFgaLink.START_WAIT).hold()) {
            return fga.sync(OpenFgaLink.runtimeModel(db.policyAdmin()), OpenFgaLink.allTuples(db.policyAdmin()));
        }
    }
}
