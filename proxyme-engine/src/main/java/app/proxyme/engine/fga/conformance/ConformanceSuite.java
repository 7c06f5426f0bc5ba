package app.proxyme.engine.fga.conformance;

import app.proxyme.engine.fga.CheckRequest;
import app.proxyme.engine.fga.FgaEngine;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.InMemoryTupleStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a file in the format of OpenFGA's own authorization suites ({@code assets/tests/*.yaml} of openfga/openfga:
 * {@code tests: [{name, stages: [{model, tuples, checkAssertions, listObjectsAssertions}]}]}) against the embedded
 * engine. Stages of a test share one store: tuples accumulate while the model changes. List-users assertions are not
 * run.
 */
public final class ConformanceSuite {
    private ConformanceSuite() {}

    /** Runs every check and list-objects assertion of the file. */
    public static TestReport run(Path file) throws IOException {
        JsonNode suite = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        var tally = new Assertions();
        for (JsonNode test : suite.path("tests")) {
            runTest(test, tally);
        }
        return tally.report();
    }

    private static void runTest(JsonNode test, Assertions tally) {
        String name = test.path("name").asText();
        var store = new InMemoryTupleStore();
        int stageNo = 0;
        for (JsonNode stage : test.path("stages")) {
            String where = name + " stage " + stageNo++;
            FgaModel model;
            try {
                model = FgaModel.fromDsl(stage.path("model").asText());
            } catch (RuntimeException e) {
                tally.failed(where + ": model does not parse: " + e.getMessage());
                continue;
            }
            store.write(Assertions.tuples(stage.path("tuples")));
            var engine = new FgaEngine(model, store);
            for (JsonNode a : stage.path("checkAssertions")) {
                JsonNode t = a.path("tuple");
                tally.check(
                        where,
                        engine,
                        new CheckRequest(
                                t.path("user").asText(),
                                t.path("relation").asText(),
                                t.path("object").asText(),
                                Assertions.tuples(a.path("contextualTuples")),
                                Assertions.context(a.path("context"))),
                        a.path("expectation").asBoolean(),
                        errorCode(a));
            }
            for (JsonNode a : stage.path("listObjectsAssertions")) {
                JsonNode r = a.path("request");
                var expected = new ArrayList<String>();
                a.path("expectation").forEach(o -> expected.add(o.asText()));
                tally.listObjects(
                        where,
                        engine,
                        new Assertions.ListRequest(
                                r.path("user").asText(),
                                r.path("type").asText(),
                                r.path("relation").asText(),
                                Assertions.tuples(a.path("contextualTuples")),
                                Assertions.context(a.path("context"))),
                        List.copyOf(expected),
                        errorCode(a));
            }
        }
    }

    private static Integer errorCode(JsonNode a) {
        return a.has("errorCode") ? a.get("errorCode").asInt() : null;
    }
}
