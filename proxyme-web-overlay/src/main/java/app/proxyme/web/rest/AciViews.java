package app.proxyme.web.rest;

import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.HopResult;
import app.proxyme.domain.handoff.ChainTimeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of ACI.md's HTTP API. */
final class AciViews {
    private AciViews() {}

    static Map<String, Object> hopResult(HopResult r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("chainId", r.chainId());
        m.put("handoffId", r.handoffId());
        m.put("status", r.status().name());
        if (r.consentId() != null) {
            m.put("consentId", r.consentId());
        }
        if (!r.missing().isEmpty()) {
            m.put("missing", r.missing());
        }
        return m;
    }

    static Map<String, Object> agent(Agent a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("domain", a.domain());
        m.put("ceiling", List.copyOf(a.ceiling()));
        m.put("enabled", a.enabled());
        if (a.auth0ClientId() != null) {
            m.put("auth0ClientId", a.auth0ClientId());
        }
        return m;
    }

    static Map<String, Object> chain(Chain c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("chainId", c.chainId());
        m.put("user", c.user());
        m.put("meetingId", c.meetingId());
        m.put("startedAt", c.startedAt().toString());
        m.put("revoked", c.revoked());
        return m;
    }

    static Map<String, Object> timeline(ChainTimeline.Timeline t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("chainId", t.chain().chainId());
        m.put("user", t.chain().user());
        m.put("status", t.status());
        m.put("hops", t.hops().stream().map(AciViews::hop).toList());
        var s = t.summary();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("hops", s.hops());
        summary.put("authMs", s.authMs());
        summary.put("totalMs", s.totalMs());
        summary.put("tokenCacheHits", 0);
        summary.put("denials", s.denials());
        summary.put("accessed", s.accessed());
        summary.put("blocked", s.blocked());
        m.put("summary", summary);
        return m;
    }

    static Map<String, Object> hop(Hop h) {
        var m = new LinkedHashMap<String, Object>();
        m.put("handoffId", h.handoffId());
        m.put("from", h.from());
        m.put("to", h.to());
        m.put("status", h.status().name());
        m.put("permissions", h.permissions());
        m.put("missing", h.missing());
        m.put(
                "checks",
                h.checks().stream()
                        .map(c -> {
                            var check = new LinkedHashMap<String, Object>();
                            check.put("check", c.check().wire());
                            check.put("ok", c.ok());
                            check.put("ms", c.ms());
                            return check;
                        })
                        .toList());
        m.put("ms", h.ms());
        m.put("bytes", h.bytes());
        m.put("pii", h.pii());
        m.put("anomalies", h.anomalies());
        if (h.confidence() != null) {
            m.put("confidence", h.confidence());
        }
        if (h.error() != null) {
            m.put("error", h.error());
        }
        return m;
    }
}
