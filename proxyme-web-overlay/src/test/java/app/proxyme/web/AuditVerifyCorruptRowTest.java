package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.adapter.jpa.Database;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * A row of the audit table that cannot be read back (here: its {@code detail} is not JSON) is a broken chain, not a
 * bad request: {@code GET /api/audit/verify} answers {@code ok:false} and names it. A server of its own, since the
 * organisation's chain stays broken.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
class AuditVerifyCorruptRowTest {
    static {
        TestServer.useFreshDataDir("proxyme-audit-corrupt-test");
    }

    @Test
    void a_corrupt_row_makes_verify_answer_not_ok_with_the_first_bad_event() throws Exception {
        var api = new Api("http://localhost:" + TestServer.port());
        String auditor = api.login("audit@acme.test");
        var before = api.get("/api/audit/verify", auditor);
        assertEquals(200, before.status(), before.body());
        assertTrue(before.json().get("ok").asBoolean(), before.body());
        long seq = before.json().get("events").asLong() + 1;

        // someone with access to the database adds an event that is not even readable, and moves the head to it
        String url = Database.h2FileUrl(Path.of(System.getProperty("proxyme.data.dir")));
        try (var c = DriverManager.getConnection(url, "", "");
                var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_events (id, org, seq, ts, actor, event_type, detail, prev, hash)"
                    + " VALUES ('ev_corrupt', 'acme', " + seq + ", 0, 'engine', 'login', '{\"chunkSeq\": 1',"
                    + " '" + "0".repeat(64) + "', '" + "1".repeat(64) + "')");
            s.executeUpdate("UPDATE audit_heads SET last_seq = " + seq + ", last_hash = '" + "1".repeat(64)
                    + "' WHERE org = 'acme'");
        }

        var verify = api.get("/api/audit/verify", auditor);

        assertEquals(200, verify.status(), verify.body());
        assertFalse(verify.json().get("ok").asBoolean(), verify.body());
        assertEquals("ev_corrupt", verify.json().get("firstBad").asText(), verify.body());
        assertEquals(seq, verify.json().get("seq").asLong(), verify.body());
        assertTrue(verify.json().get("reason").asText().contains("cannot be read"), verify.body());
    }
}
