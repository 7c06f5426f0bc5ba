package app.proxyme.engine.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The public prompt-injection strings of {@code ../shared/data/attacks}, as tests replay them. */
public final class AttackStrings {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest attack a person could plausibly say in one turn of a meeting. */
    public static final int SPOKEN_MAX_CHARS = 300;

    private AttackStrings() {}

    /** The injection strings a person could say in a meeting (at most {@link #SPOKEN_MAX_CHARS}), or skip/fail. */
    public static List<String> spoken() throws IOException {
        Path dir = Prerequisites.sharedDir().resolve("data/attacks");
        Prerequisites.require(
                Files.isRegularFile(dir.resolve("bipia.jsonl")), "shared attack strings " + dir + " are absent");
        var out = new ArrayList<String>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode row = JSON.readTree(line);
                    String text = row.path("text").asText();
                    if ("injection".equals(row.path("label").asText()) && text.length() <= SPOKEN_MAX_CHARS) {
                        out.add(text);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no spoken injection strings in " + dir);
        }
        return out;
    }

    /** {@code attack} wrapped around {@code question}: in its placeholder when it has one, else before it. */
    public static String around(String attack, String question) {
        return attack.contains("{NEW_INSTRUCTION}")
                ? attack.replace("{NEW_INSTRUCTION}", question)
                : attack + " ... " + question;
    }
}
