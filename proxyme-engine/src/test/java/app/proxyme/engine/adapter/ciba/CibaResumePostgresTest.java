package app.proxyme.engine.adapter.ciba;

import app.proxyme.engine.testsupport.Prerequisites;
import java.sql.Connection;
import java.util.UUID;

/**
 * {@link CibaResumeTest} on PostgreSQL, in a schema of its own (skipped without PostgreSQL, see
 * {@code Prerequisites}): the two instances take the lease under ids of their own, as separate processes would.
 */
class CibaResumePostgresTest extends CibaResumeTest {
    private Prerequisites.Postgres pg;
    private String schema;

    @Override
    String[] database() throws Exception {
        pg = Prerequisites.postgres();
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = pg.connect();
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new String[] {url, pg.user(), pg.password()};
    }

    @Override
    void dropDatabase() throws Exception {
        if (schema != null) {
            try (Connection c = pg.connect();
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
