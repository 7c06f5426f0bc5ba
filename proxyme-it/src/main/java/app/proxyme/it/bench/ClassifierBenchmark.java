package app.proxyme.it.bench;

import app.proxyme.domain.decision.Classification;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Classification of one chunk by the local classifier (sentence embedding + topic index), over real turns. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class ClassifierBenchmark {
    private LocalTopicClassifier classifier;
    private DemoWorld world;
    private List<String> texts;
    private int next;

    @Setup
    public void setUp() throws IOException {
        world = new DemoWorld();
        classifier = new LocalTopicClassifier();
        texts = sampleTurns(500);
        classifier.classify(world.policy.catalog(), texts.get(0));
    }

    @Benchmark
    public Classification classify() {
        String text = texts.get(next++ % texts.size());
        return classifier.classify(world.policy.catalog(), text);
    }

    /** Real meeting turns of 4+ words from the shared transcripts, or demo questions when they are absent. */
    static List<String> sampleTurns(int count) throws IOException {
        Path file = Path.of(System.getProperty("proxyme.shared.dir", "../shared"), "data/meetings/utterances.jsonl");
        var texts = new ArrayList<String>();
        if (Files.isRegularFile(file)) {
            var json = new ObjectMapper();
            try (var lines = Files.lines(file)) {
                lines.map(l -> {
                            try {
                                return json.readTree(l).path("text").asText();
                            } catch (IOException e) {
                                return "";
                            }
                        })
                        .filter(t -> t.split("\\s+").length >= 4)
                        .limit(count)
                        .forEach(texts::add);
            }
        }
        if (texts.isEmpty()) {
            texts.addAll(List.of(
                    "can you walk me through how the reporting works",
                    "what would it cost for two hundred seats",
                    "are you soc 2 certified",
                    "we mostly use spreadsheets today"));
        }
        return texts;
    }
}
