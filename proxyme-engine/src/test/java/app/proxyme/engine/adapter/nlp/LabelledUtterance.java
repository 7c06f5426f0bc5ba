package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.policy.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One row of the labelled utterances (see shared/eval/README.md). */
record LabelledUtterance(String text, boolean question, String topic, List<String> also, Effect ruleCap) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The topic and the other topics it plausibly touches. */
    List<String> plausible() {
        var all = new ArrayList<String>();
        all.add(topic);
        all.addAll(also);
        return all;
    }

    static List<LabelledUtterance> read(Path jsonl) throws IOException {
        var rows = new ArrayList<LabelledUtterance>();
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            var also = new ArrayList<String>();
            n.path("also").forEach(a -> also.add(a.asText()));
            rows.add(new LabelledUtterance(
                    n.get("text").asText(),
                    n.get("question").asBoolean(),
                    n.get("topic").asText(),
                    List.copyOf(also),
                    n.hasNonNull("rule_cap") ? Effect.valueOf(n.get("rule_cap").asText()) : null));
        }
        return rows;
    }
}
