package app.proxyme.engine.adapter.jpa;

import app.proxyme.engine.testsupport.Prerequisites;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The persistence contract on PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresPersistenceTest extends PersistenceContractTest {
    private static Prerequisites.Postgres pg;
    private static String schema;

    @BeforeAll
    static void createSchema() throws Exception {
        pg = Prerequisites.postgres();
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = pg.connect(); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection c = pg.connect(); var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    protected String[] connection() {
        String sep = pg.url().contains("?") ? "&" : "?";
        return new String[] {pg.url() + sep + "currentSchema=" + schema, pg.user(), pg.password()};
    }
}
