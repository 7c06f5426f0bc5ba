package app.proxyme.engine.adapter.jpa;

import app.proxyme.engine.audit.format.AuditJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.h2.api.Trigger;

/**
 * The append-only guard of the audit table on H2 (PostgreSQL has its own, in PL/pgSQL): refuses every UPDATE of an
 * audit event, and every DELETE except the retention job's — under the session flag {@code @proxyme_audit_retention
 * = 'on'} that {@link JpaAuditPruning} sets, and only of an event that a later checkpoint of the same organisation
 * covers ({@code detail.lastPrunedSeq >= seq}). Installed by {@code db/h2/V6_2__audit_append_only.sql}.
 */
public final class H2AuditAppendOnly implements Trigger {
    static final String FLAG = "@proxyme_audit_retention";

    private int orgColumn = -1;
    private int seqColumn = -1;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    switch (r.getString(1).toLowerCase(java.util.Locale.ROOT)) {
                        case "org" -> orgColumn = r.getInt(2) - 1;
                        case "seq" -> seqColumn = r.getInt(2) - 1;
                        default -> {}
                    }
                }
            }
        }
        if (orgColumn < 0 || seqColumn < 0) {
            throw new SQLException("audit_events has no org or seq column");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String org = String.valueOf(oldRow[orgColumn]);
        long seq = ((Number) oldRow[seqColumn]).longValue();
        if (newRow == null && retentionFlagSet(conn) && coveredByCheckpoint(conn, org, seq)) {
            return;
        }
        throw new SQLException(
                "audit events are append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " of " + org + " seq " + seq
                        + " refused",
                "42501");
    }

    private static boolean retentionFlagSet(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet r = s.executeQuery("SELECT " + FLAG)) {
            return r.next() && "on".equals(r.getString(1));
        }
    }

    private static boolean coveredByCheckpoint(Connection conn, String org, long seq) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement(
                "SELECT detail FROM audit_events WHERE org = ?" + " AND event_type = 'checkpoint' AND seq > ?")) {
            s.setString(1, org);
            s.setLong(2, seq);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> d;
                    try {
                        d = AuditJson.parseDetail(r.getString(1));
                    } catch (RuntimeException unreadable) {
                        continue;
                    }
                    if (d.get("lastPrunedSeq") instanceof Number n && n.longValue() >= seq) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
