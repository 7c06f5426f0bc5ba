package app.proxyme.engine.audit.format;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;

/**
 * The CSV form of an export: the JSON fields as columns (RFC 4180 quoting), {@code detail} as a JSON string, and
 * last the hidden text when the reader may see it ({@code reveal.text}). A cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single quote in
 * front, so that a spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection"). So the
 * CSV is for reading; the JSON Lines export is the one that verifies.
 */
public final class AuditCsv {
    /** The header line. */
    public static final String HEADER =
            "id,seq,ts,org,meeting,user,actor,type,topic,outcome,layer,detail,prev,meetingPrev,hash,text";

    private AuditCsv() {}

    /** One record as a CSV line (without the line break). */
    public static String line(AuditRecord r) {
        AuditEntry e = r.entry();
        var sb = new StringBuilder(256);
        Object[] cells = {
            r.id(),
            r.seq(),
            AuditJson.timestamp(r.ts()),
            e.org(),
            e.meeting(),
            e.user(),
            e.actor(),
            e.type().wire(),
            e.topic(),
            e.outcome(),
            e.layer(),
            AuditJson.detailJson(e.detail()),
            r.prev(),
            r.meetingPrev(),
            r.hash(),
            e.reveal() == null ? null : e.reveal().text()
        };
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            cell(sb, cells[i]);
        }
        return sb.toString();
    }

    private static void cell(StringBuilder sb, Object value) {
        if (value == null) {
            return;
        }
        String s = value instanceof Number ? value.toString() : neutralised(value.toString());
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            sb.append(s);
            return;
        }
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }

    /** The text, with a single quote in front when a spreadsheet would take it for a formula. */
    static String neutralised(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return switch (s.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + s;
            default -> s;
        };
    }
}
