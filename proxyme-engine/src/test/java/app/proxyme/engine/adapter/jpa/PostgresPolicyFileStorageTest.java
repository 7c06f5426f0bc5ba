package app.proxyme.engine.adapter.jpa;

import app.proxyme.engine.testsupport.Prerequisites;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The policy file's storage on PostgreSQL, each test in a schema of its own that is dropped afterwards. */
class PostgresPolicyFileStorageTest extends PolicyFileStorageContractTest {
    private Prerequisites.Postgres pg;
    private String schema;

    @BeforeEach
    @Override
    void open() {
        pg = Prerequisites.postgres();
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = pg.connect();
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        super.open();
    }

    @AfterEach
    void dropSchema() throws Exception {
        close();
        if (schema != null) {
            try (Connection c = pg.connect();
                    var s = c.createStatement()) {
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
