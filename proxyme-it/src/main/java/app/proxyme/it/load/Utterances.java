package app.proxyme.it.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the simulated customers say: real meeting turns from the shared transcripts, mixed with questions on the
 * demo topics so that every outcome (and generation, approvals) takes part.
 */
final class Utterances {
    private static final List<String> DEMO_QUESTIONS = List.of(
            "Can you walk me through how the reporting dashboard exports data?",
            "so how does the single sign on work with our identity provider",
            "What would the price be for three hundred seats on the enterprise plan?",
            "Can you promise the integration is live before the end of next month?",
            "Is offline mode something you plan to ship next year?",
            "How do you compare with the other vendor we looked at?",
            "Could we find a slot on Thursday afternoon for the technical deep dive?",
            "Who carries the liability if the migration corrupts our records?",
            "How was the flight back from the conference?");

    private final List<String> turns;
    private final double questionShare;

    private Utterances(List<String> turns, double questionShare) {
        this.turns = turns;
        this.questionShare = questionShare;
    }

    static Utterances load(Path sharedDir, double questionShare) throws IOException {
        Path file = sharedDir.resolve("data/meetings/utterances.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IOException("real meeting turns not found at " + file + " (set -Dproxyme.shared.dir)");
        }
        var json = new ObjectMapper();
        var turns = new ArrayList<String>();
        for (String line : Files.readAllLines(file)) {
            String text = json.readTree(line).path("text").asText().trim();
            if (!text.isEmpty() && text.length() <= 4000) {
                turns.add(text);
            }
        }
        return new Utterances(turns, questionShare);
    }

    int realTurns() {
        return turns.size();
    }

    String next(Random random) {
        return random.nextDouble() < questionShare
                ? DEMO_QUESTIONS.get(random.nextInt(DEMO_QUESTIONS.size()))
                : turns.get(random.nextInt(turns.size()));
    }
}
