package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Least privilege on PostgreSQL: the migration role owns the schema's tables; the runtime role gets, at each start,
 * exactly what the adapters use — reads and writes on the ordinary tables, only SELECT and INSERT on audit events,
 * SELECT, INSERT and UPDATE on the chain heads, EXECUTE on {@code audit_prune} — so that the application's own
 * credentials can neither change nor delete audit events, nor disable the append-only trigger (only the table's
 * owner can).
 */
final class PostgresGrants {
    private static final System.Logger LOG = System.getLogger(PostgresGrants.class.getName());
    private static final List<String> AUDIT_TABLES = List.of("audit_events", "audit_heads", "flyway_schema_history");

    private PostgresGrants() {}

    /** Grants {@code runtimeUser} its privileges on the migrated schema, connected as the migration user. */
    static void grant(String url, String migrateUser, String migratePassword, String runtimeUser) {
        if (runtimeUser == null || runtimeUser.isBlank()) {
            throw new IllegalArgumentException("a migration user of its own needs a runtime user (PROXYME_DB_USER)");
        }
        try (Connection c = DriverManager.getConnection(url, migrateUser, migratePassword);
                Statement s = c.createStatement()) {
            String schema;
            try (var r = s.executeQuery("SELECT current_schema()")) {
                r.next();
                schema = r.getString(1);
            }
            String role = ident(runtimeUser);
            String in = ident(schema) + ".";
            c.setAutoCommit(false);
            s.execute("GRANT USAGE ON SCHEMA " + ident(schema) + " TO " + role);
            s.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + ident(schema) + " FROM " + role);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + ident(schema) + " TO " + role);
            for (String table : AUDIT_TABLES) {
                s.execute("REVOKE ALL ON " + in + table + " FROM " + role);
            }
            s.execute("GRANT SELECT, INSERT ON " + in + "audit_events TO " + role);
            s.execute("GRANT SELECT, INSERT, UPDATE ON " + in + "audit_heads TO " + role);
            s.execute("GRANT SELECT ON " + in + "flyway_schema_history TO " + role);
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + ident(schema) + " TO " + role);
            s.execute("GRANT EXECUTE ON FUNCTION " + in + "audit_prune(VARCHAR, BIGINT) TO " + role);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot grant the runtime role " + runtimeUser + " its privileges: " + e.getMessage(), e);
        }
    }

    /** Warns when the runtime role could alter the audit table (its owner, or a superuser): no least privilege. */
    static void warnUnlessLeastPrivilege(EntityManagerFactory emf) {
        var em = emf.createEntityManager();
        try {
            Object owns = em.createNativeQuery("SELECT pg_has_role(current_user, t.tableowner, 'USAGE')"
                            + " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
                            + " FROM pg_tables t WHERE t.schemaname = current_schema()"
                            + " AND t.tablename = 'audit_events'")
                    .getSingleResult();
            if (Boolean.TRUE.equals(owns)) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "the database user of the runtime owns the audit table (or is a superuser), so it could"
                                + " disable its append-only trigger: set PROXYME_DB_MIGRATE_USER to the owner and"
                                + " PROXYME_DB_USER to a role of its own (README, settings)");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot tell who owns the audit table: " + e.getMessage());
        } finally {
            em.close();
        }
    }

    /** A quoted SQL identifier. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
