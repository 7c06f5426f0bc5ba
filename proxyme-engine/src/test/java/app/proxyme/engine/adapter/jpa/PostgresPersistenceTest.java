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

    @org.junit.jupiter.api.Test
    void the_runtime_role_appends_and_prunes_through_the_function_but_cannot_change_the_trail() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String role = "proxyme_rt_" + suffix;
        String own = "t_lp_" + suffix;
        String tenant = "p" + suffix;
        try (Connection c = pg.connect();
                var s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'rt'");
            s.execute("CREATE SCHEMA " + own);
        }
        String sep = pg.url().contains("?") ? "&" : "?";
        String url = pg.url() + sep + "currentSchema=" + own;
        try {
            try (var rt = Database.open(
                    url, role, "rt", pg.user(), pg.password(), app.proxyme.domain.policy.PolicySettings.DEFAULTS)) {
                new app.proxyme.engine.policy.PolicySeeder(rt.policyAdmin()).seed();
                rt.policyAdmin().replace(app.proxyme.engine.testsupport.PolicyDocuments.retaining(tenant, 30));
                java.time.Instant now = java.time.Instant.now();
                var old = rt.auditLog(
                        java.time.Clock.fixed(now.minus(java.time.Duration.ofDays(40)), java.time.ZoneOffset.UTC));
                for (int i = 0; i < 4; i++) {
                    old.append(java.util.List.of(entry(tenant, "m1", i)));
                }
                var log = rt.auditLog(java.time.Clock.systemUTC());
                log.append(java.util.List.of(entry(tenant, "m1", 9)));
                var seal = app.proxyme.engine.testsupport.TestKeys.seal();

                var pruned = new app.proxyme.engine.audit.AuditRetention(
                                rt.auditPruning(), rt.auditReader(), log, seal, java.time.Clock.systemUTC())
                        .run();

                org.junit.jupiter.api.Assertions.assertEquals(1, pruned.size(), pruned.toString());
                org.junit.jupiter.api.Assertions.assertEquals(4, pruned.get(0).deleted());
                var admin =
                        new app.proxyme.domain.policy.Member("admin@" + tenant + ".test", tenant, "org_admin", null);
                var trail = new app.proxyme.engine.audit.AuditTrail(
                        rt.auditReader(),
                        log,
                        new app.proxyme.engine.meeting.MeetingRecords(rt.meetingStore(), log),
                        seal);
                org.junit.jupiter.api.Assertions.assertTrue(trail.verify(admin).ok());
            }
            try (Connection c = java.sql.DriverManager.getConnection(url, role, "rt");
                    var s = c.createStatement()) {
                for (String sql : new String[] {
                    "UPDATE audit_events SET outcome = 'AUTO' WHERE org = '" + tenant + "'",
                    "DELETE FROM audit_events WHERE org = '" + tenant + "'",
                    "TRUNCATE audit_events",
                    "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
                    "DROP TRIGGER audit_events_append_only ON audit_events",
                    "ALTER TABLE audit_events DROP CONSTRAINT audit_events_org_seq",
                    "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql"
                            + " AS $$ BEGIN RETURN OLD; END $$",
                    "DELETE FROM flyway_schema_history",
                    "SELECT audit_prune('" + tenant + "', 6)"
                }) {
                    var e = org.junit.jupiter.api.Assertions.assertThrows(
                            java.sql.SQLException.class, () -> s.execute(sql), sql);
                    org.junit.jupiter.api.Assertions.assertTrue(
                            e.getMessage().contains("denied")
                                    || e.getMessage().contains("owner")
                                    || e.getMessage().contains("checkpoint"),
                            sql + ": " + e.getMessage());
                }
                try (var r = s.executeQuery("SELECT count(*) FROM audit_events WHERE org = '" + tenant + "'")) {
                    r.next();
                    org.junit.jupiter.api.Assertions.assertEquals(3, r.getLong(1), "1 kept, checkpoint, retention");
                }
            }
        } finally {
            try (Connection c = pg.connect();
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + own + " CASCADE");
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
        }
    }

    @Override
    protected String[] connection() {
        String sep = pg.url().contains("?") ? "&" : "?";
        return new String[] {pg.url() + sep + "currentSchema=" + schema, pg.user(), pg.password()};
    }
}
