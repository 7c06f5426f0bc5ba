package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.Ids;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistence contract on an H2 file database in a temporary directory. */
class H2PersistenceTest extends PersistenceContractTest {
    @TempDir
    static Path dir;

    @Override
    protected String[] connection() {
        return new String[] {Database.h2FileUrl(dir), "sa", ""};
    }

    @Test
    void the_database_refuses_to_update_or_delete_audit_events() throws Exception {
        String tenant = "h" + Ids.next("o").substring(2, 14);
        var log = db.auditLog(Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            log.append(List.of(entry(tenant, "m1", i)));
        }
        String[] c = connection();
        try (var con = DriverManager.getConnection(c[0], c[1], c[2]);
                var s = con.createStatement()) {
            for (String sql : new String[] {
                "UPDATE audit_events SET outcome = 'AUTO' WHERE org = '" + tenant + "'",
                "DELETE FROM audit_events WHERE org = '" + tenant + "' AND seq = 3",
            }) {
                var e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
            // the retention flag alone is not enough: no checkpoint covers these events
            s.execute("SET " + H2AuditAppendOnly.FLAG + " = 'on'");
            var e = assertThrows(
                    SQLException.class,
                    () -> s.execute("DELETE FROM audit_events WHERE org = '" + tenant + "' AND seq = 1"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertEquals(3, db.auditEvents(tenant, 1, Long.MAX_VALUE).size());
    }
}
