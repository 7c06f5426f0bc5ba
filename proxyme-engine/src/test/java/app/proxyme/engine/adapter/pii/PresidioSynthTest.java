package app.proxyme.engine.adapter.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.aci.PiiSpan;
import app.proxyme.domain.aci.PiiType;
import app.proxyme.engine.testsupport.Prerequisites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PII detectors on presidio-research's synthetic dataset ({@code ../shared/data/pii/presidio-research/
 * synth_dataset_v2.json}, skipped when absent): per type, recall (gold spans overlapped by a detection of their
 * type) and precision (detections that overlap a gold span of their type), against the bars of issue 16.
 */
class PresidioSynthTest {
    private static final Map<String, PiiType> GOLD = Map.of(
            "EMAIL_ADDRESS", PiiType.EMAIL,
            "PHONE_NUMBER", PiiType.PHONE,
            "CREDIT_CARD", PiiType.CARD,
            "IBAN_CODE", PiiType.IBAN,
            "US_SSN", PiiType.SSN,
            "IP_ADDRESS", PiiType.IP);
    private static final Map<PiiType, Double> RECALL_BAR = Map.of(
            PiiType.CARD,
            0.95,
            PiiType.IBAN,
            0.95,
            PiiType.EMAIL,
            0.95,
            PiiType.SSN,
            0.95,
            PiiType.PHONE,
            0.85,
            PiiType.IP,
            0.85);
    private static final double PRECISION_BAR = 0.90;

    private record Gold(PiiType type, int start, int end, String value) {}

    @Test
    void recall_and_precision_per_type_meet_the_bars() throws Exception {
        JsonNode data = new ObjectMapper()
                .readTree(Prerequisites.sharedFile("data/pii/presidio-research/synth_dataset_v2.json")
                        .toFile());
        var scanner = new LocalPiiScanner();
        var goldCount = new EnumMap<PiiType, Integer>(PiiType.class);
        var found = new EnumMap<PiiType, Integer>(PiiType.class);
        var predicted = new EnumMap<PiiType, Integer>(PiiType.class);
        var correct = new EnumMap<PiiType, Integer>(PiiType.class);
        var misses = new ArrayList<String>();
        var falseAlarms = new ArrayList<String>();
        for (JsonNode sample : data) {
            String text = sample.get("full_text").asText();
            var gold = new ArrayList<Gold>();
            for (JsonNode s : sample.get("spans")) {
                PiiType t = GOLD.get(s.get("entity_type").asText());
                if (t != null) {
                    gold.add(new Gold(
                            t,
                            s.get("start_position").asInt(),
                            s.get("end_position").asInt(),
                            s.get("entity_value").asText()));
                }
            }
            List<PiiSpan> spans = scanner.scan("text", text);
            for (Gold g : gold) {
                goldCount.merge(g.type(), 1, Integer::sum);
                if (spans.stream().anyMatch(s -> s.type() == g.type() && s.start() < g.end() && g.start() < s.end())) {
                    found.merge(g.type(), 1, Integer::sum);
                } else {
                    misses.add(g.type() + " " + g.value());
                }
            }
            for (PiiSpan s : spans) {
                predicted.merge(s.type(), 1, Integer::sum);
                if (gold.stream().anyMatch(g -> g.type() == s.type() && s.start() < g.end() && g.start() < s.end())) {
                    correct.merge(s.type(), 1, Integer::sum);
                } else {
                    falseAlarms.add(s.type() + " " + text.substring(s.start(), s.end()));
                }
            }
        }
        var report = new StringBuilder("type gold recall precision\n");
        var failures = new ArrayList<String>();
        for (PiiType t : PiiType.values()) {
            int g = goldCount.getOrDefault(t, 0);
            double recall = g == 0 ? 1 : found.getOrDefault(t, 0) / (double) g;
            int p = predicted.getOrDefault(t, 0);
            double precision = p == 0 ? 1 : correct.getOrDefault(t, 0) / (double) p;
            report.append(String.format("%s %d %.3f %.3f (%d detections)%n", t, g, recall, precision, p));
            if (recall < RECALL_BAR.get(t) || precision < PRECISION_BAR) {
                failures.add(t.name());
            }
        }
        report.append("misses: ")
                .append(misses)
                .append('\n')
                .append("false alarms: ")
                .append(falseAlarms);
        System.out.println(report);
        assertTrue(failures.isEmpty(), "below the bar: " + failures + "\n" + report);
    }
}
