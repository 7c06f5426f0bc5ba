package app.proxyme.web.rest;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.SharedRecord;
import app.proxyme.engine.audit.format.AuditJson;
import java.util.List;
import java.util.Map;

/**
 * The shared meeting as a self-contained HTML page: readable and printable without JavaScript. Everything that
 * comes from the record (transcript text above all) is escaped.
 */
final class SharePage {
    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#111}
            h1{font-size:1.4rem;margin:0 0 .3rem}
            .meta{color:#555;margin-bottom:1rem}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f4f4f4}
            .DENY{color:#a00;font-weight:600}.APPROVE,.PENDING_APPROVAL{color:#a60;font-weight:600}
            .AUTO,.APPROVED{color:#060;font-weight:600}
            code{font-size:12px;word-break:break-all}
            .said{white-space:pre-wrap}
            @media print{a.download{display:none}body{margin:0}}
            """;

    private SharePage() {}

    static String render(SharedRecord shared, String exportPath) {
        var g = shared.grant();
        List<AuditRecord> events = shared.events();
        var html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"referrer\" content=\"no-referrer\">")
                .append("<title>Meeting ")
                .append(esc(g.meeting()))
                .append(" — Proxy Me audit</title>")
                .append("<style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<h1>Meeting ").append(esc(g.meeting())).append("</h1>");
        html.append("<p class=\"meta\">Organisation ")
                .append(esc(g.org()))
                .append(" · ")
                .append(events.size())
                .append(" audit events · read-only link, expires ")
                .append(esc(AuditJson.timestamp(g.expiresAt())))
                .append("</p>");
        String head = events.isEmpty()
                ? AuditRecord.GENESIS
                : events.get(events.size() - 1).hash();
        html.append("<p><a class=\"download\" href=\"")
                .append(esc(exportPath))
                .append("\" download>")
                .append("Download the verifiable export (JSON Lines)</a> — check it offline with ")
                .append("<code>java -jar proxyme.jar verify-audit meeting-audit.jsonl</code>. ")
                .append("Last event's hash when this page was made: <code>")
                .append(esc(head))
                .append("</code></p>");
        html.append("<table><thead><tr><th>time (UTC)</th><th>+s</th><th>event</th><th>who</th><th>what</th>")
                .append("<th>topic</th><th>outcome</th><th>deciding layer</th><th>seq</th></tr></thead><tbody>");
        long start = events.isEmpty() ? 0 : events.get(0).ts().toEpochMilli();
        for (AuditRecord r : events) {
            AuditEntry e = r.entry();
            html.append("<tr><td>")
                    .append(esc(AuditJson.timestamp(r.ts()).replace('T', ' ')))
                    .append("</td><td>")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", (r.ts().toEpochMilli() - start) / 1000.0))
                    .append("</td><td>")
                    .append(esc(e.type().wire().replace('_', ' ')))
                    .append("</td><td>")
                    .append(esc(who(e)))
                    .append("</td><td class=\"said\">")
                    .append(esc(what(e)))
                    .append("</td><td>")
                    .append(esc(e.topic()))
                    .append("</td><td class=\"")
                    .append(esc(e.outcome()))
                    .append("\">")
                    .append(esc(e.outcome()))
                    .append("</td><td>")
                    .append(esc(e.layer()))
                    .append("</td><td>")
                    .append(r.seq())
                    .append("</td></tr>");
        }
        html.append("</tbody></table></body></html>");
        return html.toString();
    }

    static String refusal(String message) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Proxy Me</title></head><body>"
                + "<h1>" + esc(message) + "</h1><p>Ask the person who shared it for a new link.</p></body></html>";
    }

    private static String who(AuditEntry e) {
        Object speaker = e.detail().get("speaker");
        if (speaker != null) {
            return speaker + (e.user() == null ? "" : " (heard by " + e.user() + ")");
        }
        if (e.user() != null && !e.user().equals(e.actor())) {
            return e.user() + " · " + e.actor();
        }
        return e.actor();
    }

    /** The event in words: what was said, decided, suggested or approved. */
    private static String what(AuditEntry e) {
        Map<String, Object> d = e.detail();
        return switch (e.type()) {
            case CHUNK, SUGGESTION -> hidden(e);
            case DECISION ->
                text(d.get("reason")) + (Boolean.TRUE.equals(d.get("question")) ? "" : " (not a question)");
            default -> compact(d);
        };
    }

    /** A hidden text: the text when the viewer may see it, else a note; events before hidden texts carry it. */
    private static String hidden(AuditEntry e) {
        if (e.reveal() != null) {
            return e.reveal().text();
        }
        Object legacy = e.detail().get("text");
        return legacy != null ? legacy.toString() : "(text hidden: another participant's)";
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String compact(Map<String, Object> detail) {
        var sb = new StringBuilder();
        detail.forEach((k, v) -> {
            if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(": ").append(v);
            }
        });
        return sb.toString();
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        var sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
