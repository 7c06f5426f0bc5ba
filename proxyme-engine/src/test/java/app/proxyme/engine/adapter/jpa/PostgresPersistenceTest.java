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
        try (Connection c = pg.connect();
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection c = pg.connect();
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void the_database_refuses_to_update_delete_or_truncate_audit_events() throws Exception {
        String tenant = "a" + app.proxyme.domain.Ids.next("o").substring(2, 14);
        var log = db.auditLog(java.time.Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            log.append(java.util.List.of(entry(tenant, "m1", i)));
        }
        String[] c = connection();
        try (Connection con = java.sql.DriverManager.getConnection(c[0], c[1], c[2]);
                var s = con.createStatement()) {
            for (String sql : new String[] {
                "UPDATE audit_events SET outcome = 'AUTO' WHERE org = '" + tenant + "'",
                "DELETE FROM audit_events WHERE org = '" + tenant + "' AND seq = 3",
                "TRUNCATE audit_events"
            }) {
                var e = org.junit.jupiter.api.Assertions.assertThrows(
                        java.sql.SQLException.class, () -> s.execute(sql));
                org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
            // the retention flag alone is not enough: no checkpoint covers these events
            con.setAutoCommit(false);
            s.execute("SET LOCAL proxyme.audit_retention = 'on'");
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class,
                    () -> s.execute("DELETE FROM audit_events WHERE org = '" + tenant + "' AND seq = 1"));
            con.rollback();
        }
        org.junit.jupiter.api.Assertions.assertEquals(
                3, db.auditEvents(tenant, 1, Long.MAX_VALUE).size());
    }

    @Override
    protected String[] connection() {
        String sep = pg.url().contains("?") ? "&" : "?";
        return new String[] {pg.url() + sep + "currentSchema=" + schema, pg.user(), pg.password()};
    }
}
