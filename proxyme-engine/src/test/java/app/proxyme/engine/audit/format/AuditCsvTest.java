package app.proxyme.engine.audit.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV export: RFC 4180 quoting, and no cell that a spreadsheet would run as a formula (OWASP CSV injection). */
class AuditCsvTest {
    private static AuditRecord record(String meeting, String user, String actor, String topic) {
        var entry = new AuditEntry(
                AuditType.CHUNK, "acme", meeting, user, actor, topic, null, null, Map.of("text", "=1+1"));
        return new AuditRecord(
                "ev_1", 1, Instant.parse("2030-01-01T00:00:00Z"), entry, AuditRecord.GENESIS, null, "ab".repeat(32));
    }

    /** Splits one CSV line into its cells (RFC 4180: quoted cells, doubled quotes). */
    private static List<String> cells(String line) {
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void cells_that_a_spreadsheet_would_run_as_a_formula_start_with_a_quote() {
        var line = cells(AuditCsv.line(record("=HYPERLINK(\"http://x\",\"y\")", "+1@x.test", "@SUM(A1)", "-2+3")));

        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", line.get(4), "meeting");
        assertEquals("'+1@x.test", line.get(5), "user");
        assertEquals("'@SUM(A1)", line.get(6), "actor");
        assertEquals("'-2+3", line.get(8), "topic");
    }

    @Test
    void tab_and_carriage_return_at_the_start_are_neutralised_too_and_other_cells_are_untouched() {
        var line = cells(AuditCsv.line(record("\tm1", "\r=x", "engine", "pricing")));

        assertEquals("'\tm1", line.get(4));
        assertEquals("'\r=x", line.get(5));
        assertEquals("engine", line.get(6));
        assertEquals("pricing", line.get(8));
        assertEquals("1", line.get(1), "numbers stay numbers");
        assertTrue(line.get(11).startsWith("{"), "detail is a JSON object: " + line.get(11));
        assertEquals(16, line.size(), "the columns of the header, the hidden text last");
    }
}
