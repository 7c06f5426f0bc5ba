package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.Envelope;
import app.proxyme.domain.aci.EnvelopeReader;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.HopCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hops and envelopes as the JSON text the ACI tables keep. */
final class AciJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    private AciJson() {}

    static String envelope(Envelope e) {
        return write(e.toMap());
    }

    static Envelope envelope(String json) {
        return EnvelopeReader.readStored(read(json));
    }

    static String hop(Hop h) {
        var m = new LinkedHashMap<String, Object>();
        m.put("handoffId", h.handoffId());
        m.put("org", h.org());
        m.put("chainId", h.chainId());
        m.put("user", h.user());
        m.put("from", h.from());
        m.put("to", h.to());
        m.put("status", h.status().name());
        m.put("permissions", h.permissions());
        m.put("missing", h.missing());
        var checks = new ArrayList<Map<String, Object>>();
        h.checks().forEach(c -> checks.add(Map.of("check", c.check().name(), "ok", c.ok(), "ms", c.ms())));
        m.put("checks", checks);
        m.put("ms", h.ms());
        m.put("bytes", h.bytes());
        m.put("pii", h.pii());
        m.put("anomalies", h.anomalies());
        m.put("error", h.error());
        m.put("consentId", h.consentId());
        m.put("confidence", h.confidence());
        m.put("at", h.at().toEpochMilli());
        return write(m);
    }

    @SuppressWarnings("unchecked")
    static Hop hop(String json) {
        Map<String, Object> m = read(json);
        var checks = new ArrayList<CheckOutcome>();
        for (Map<String, Object> c : (List<Map<String, Object>>) m.get("checks")) {
            checks.add(new CheckOutcome(
                    HopCheck.valueOf((String) c.get("check")),
                    (Boolean) c.get("ok"),
                    ((Number) c.get("ms")).doubleValue()));
        }
        var pii = new LinkedHashMap<String, Integer>();
        ((Map<String, Number>) m.get("pii")).forEach((k, v) -> pii.put(k, v.intValue()));
        return new Hop(
                (String) m.get("handoffId"),
                (String) m.get("org"),
                (String) m.get("chainId"),
                (String) m.get("user"),
                (String) m.get("from"),
                (String) m.get("to"),
                HandoffStatus.valueOf((String) m.get("status")),
                (List<String>) m.get("permissions"),
                (List<String>) m.get("missing"),
                checks,
                ((Number) m.get("ms")).doubleValue(),
                ((Number) m.get("bytes")).intValue(),
                pii,
                (List<String>) m.get("anomalies"),
                (String) m.get("error"),
                (String) m.get("consentId"),
                m.get("confidence") == null ? null : ((Number) m.get("confidence")).doubleValue(),
                Instant.ofEpochMilli(((Number) m.get("at")).longValue()));
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ACI JSON is corrupt", e);
        }
    }
}
