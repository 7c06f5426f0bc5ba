package app.proxyme.engine.fga;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.Prerequisites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs every check and list-objects assertion of OpenFGA's own conformance suite
 * ({@code ../shared/data/openfga/consolidated_1_1_tests.yaml}) against the embedded engine. Stages of a test share
 * one store: tuples accumulate while the model changes. List-users assertions are not run.
 */
class OpenFgaConformanceTest {
    private final List<String> failures = new ArrayList<>();
    private int checks;
    private int checksPassed;
    private int lists;
    private int listsPassed;

    @Test
    void the_embedded_engine_passes_every_check_and_list_objects_assertion() throws Exception {
        Path file = Prerequisites.sharedFile("data/openfga/consolidated_1_1_tests.yaml");
        JsonNode suite = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());

        for (JsonNode test : suite.path("tests")) {
            runTest(test);
        }

        System.out.printf(
                "OpenFGA conformance: checks %d/%d, list-objects %d/%d%n", checksPassed, checks, listsPassed, lists);
        failures.forEach(System.out::println);
        assertTrue(checks > 0 && lists > 0, "the suite has assertions");
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    private void runTest(JsonNode test) {
        String name = test.path("name").asText();
        var store = new InMemoryTupleStore();
        int stageNo = 0;
        for (JsonNode stage : test.path("stages")) {
            String where = name + " stage " + stageNo++;
            FgaModel model;
            try {
                model = FgaModel.fromDsl(stage.path("model").asText());
            } catch (RuntimeException e) {
                failures.add(where + ": model does not parse: " + e.getMessage());
                continue;
            }
            store.write(tuples(stage.path("tuples")));
            var engine = new FgaEngine(model, store);
            for (JsonNode a : stage.path("checkAssertions")) {
                checks++;
                if (check(engine, a, where)) {
                    checksPassed++;
                }
            }
            for (JsonNode a : stage.path("listObjectsAssertions")) {
                lists++;
                if (listObjects(engine, a, where)) {
                    listsPassed++;
                }
            }
        }
    }

    private boolean check(FgaEngine engine, JsonNode a, String where) {
        JsonNode t = a.path("tuple");
        var request = new CheckRequest(
                t.path("user").asText(),
                t.path("relation").asText(),
                t.path("object").asText(),
                tuples(a.path("contextualTuples")));
        String what = where + " check " + request.object() + "#" + request.relation() + "@" + request.user();
        return outcome(
                what,
                a,
                () -> String.valueOf(engine.check(request)),
                String.valueOf(a.path("expectation").asBoolean()));
    }

    private boolean listObjects(FgaEngine engine, JsonNode a, String where) {
        JsonNode r = a.path("request");
        String what = where + " list-objects " + r.path("type").asText() + "#"
                + r.path("relation").asText() + "@" + r.path("user").asText();
        var expected = new TreeSet<String>();
        a.path("expectation").forEach(o -> expected.add(o.asText()));
        return outcome(
                what,
                a,
                () -> new TreeSet<>(engine.listObjects(
                                r.path("user").asText(),
                                r.path("type").asText(),
                                r.path("relation").asText(),
                                tuples(a.path("contextualTuples"))))
                        .toString(),
                expected.toString());
    }

    private boolean outcome(String what, JsonNode a, java.util.function.Supplier<String> run, String expected) {
        String want = a.has("errorCode") ? "error " + a.get("errorCode").asInt() : expected;
        String got;
        try {
            got = run.get();
        } catch (FgaException e) {
            got = "error " + e.code();
        } catch (RuntimeException e) {
            got = e.toString();
        }
        if (!want.equals(got)) {
            failures.add(what + ": expected " + want + ", got " + got);
            return false;
        }
        return true;
    }

    private static List<Tuple> tuples(JsonNode list) {
        var tuples = new ArrayList<Tuple>();
        for (JsonNode t : list) {
            tuples.add(new Tuple(
                    t.path("object").asText(),
                    t.path("relation").asText(),
                    t.path("user").asText()));
        }
        return tuples;
    }
}
