package app.proxyme.domain.handoff;

import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.Consent;
import app.proxyme.domain.aci.ConsentStatus;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit entries of the gateway: hops, consents, grants and revocations (ACI.md "Audit"). */
final class HopAudit {
    private HopAudit() {}

    /** A hop's event: who handed what to whom, every check with its outcome and ms, never PII values. */
    static AuditEntry hop(Hop hop, String meetingId, Map<String, Object> refusal) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("handoffId", hop.handoffId());
        detail.put("chainId", hop.chainId());
        detail.put("from", hop.from());
        detail.put("to", hop.to());
        detail.put("permissions", hop.permissions());
        if (!hop.missing().isEmpty()) {
            detail.put("missing", hop.missing());
        }
        detail.put("checks", checks(hop.checks()));
        detail.put("ms", hop.ms());
        detail.put("bytes", hop.bytes());
        if (!hop.pii().isEmpty()) {
            detail.put("pii", new java.util.TreeMap<>(hop.pii()));
        }
        if (!hop.anomalies().isEmpty()) {
            detail.put("anomalies", hop.anomalies());
        }
        if (hop.consentId() != null) {
            detail.put("consentId", hop.consentId());
        }
        if (refusal != null) {
            detail.putAll(refusal);
        }
        return new AuditEntry(
                AuditType.HANDOFF,
                hop.org(),
                meetingId,
                hop.user(),
                hop.from(),
                null,
                hop.status().name(),
                null,
                detail);
    }

    static AuditEntry consent(Consent c, ConsentStatus status, String meetingId, String actor) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("consentId", c.consentId());
        detail.put("handoffId", c.handoffId());
        detail.put("chainId", c.chainId());
        detail.put("agent", c.agent());
        detail.put("permissions", c.missing());
        return new AuditEntry(
                AuditType.CONSENT, c.org(), meetingId, c.user(), actor, null, status.name(), null, detail);
    }

    static AuditEntry grant(String org, String user, String agent, List<String> permissions, String chainId) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("agent", agent);
        detail.put("permissions", permissions);
        if (chainId != null) {
            detail.put("chainId", chainId);
        }
        return new AuditEntry(AuditType.GRANT, org, null, user, user, null, "GRANTED", null, detail);
    }

    /** A revocation: of a chain ({@code chainId}), or of the user's grant to an agent ({@code agent}). */
    static AuditEntry revocation(
            String org, String user, String actor, String chainId, String agent, String meetingId) {
        var detail = new LinkedHashMap<String, Object>();
        if (chainId != null) {
            detail.put("chainId", chainId);
        }
        if (agent != null) {
            detail.put("agent", agent);
        }
        return new AuditEntry(AuditType.REVOCATION, org, meetingId, user, actor, null, "REVOKED", null, detail);
    }

    private static List<Map<String, Object>> checks(List<CheckOutcome> checks) {
        var out = new ArrayList<Map<String, Object>>();
        for (CheckOutcome c : checks) {
            var m = new LinkedHashMap<String, Object>();
            m.put("check", c.check().wire());
            m.put("ok", c.ok());
            m.put("ms", c.ms());
            out.add(m);
        }
        return out;
    }
}
