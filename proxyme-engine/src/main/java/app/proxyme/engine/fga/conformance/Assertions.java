package app.proxyme.engine.fga.conformance;

import app.proxyme.engine.fga.CheckRequest;
import app.proxyme.engine.fga.FgaEngine;
import app.proxyme.engine.fga.FgaException;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.fga.TupleCondition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Runs single assertions against an engine and keeps the tally that becomes a {@link TestReport}. */
final class Assertions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> failures = new ArrayList<>();
    private int checks;
    private int checksPassed;
    private int lists;
    private int listsPassed;

    void failed(String line) {
        failures.add(line);
    }

    /** One check; {@code expectedError} is OpenFGA's error code, or {@code null} when an answer is expected. */
    void check(String where, FgaEngine engine, CheckRequest request, boolean expected, Integer expectedError) {
        checks++;
        String what = where + " check " + request.object() + "#" + request.relation() + "@" + request.user()
                + (request.context().isEmpty() ? "" : " " + request.context());
        if (outcome(what, expectedError, () -> String.valueOf(engine.check(request)), String.valueOf(expected))) {
            checksPassed++;
        }
    }

    /** One list-objects request; the expected objects in any order. */
    void listObjects(
            String where, FgaEngine engine, ListRequest request, List<String> expected, Integer expectedError) {
        lists++;
        String what = where + " list-objects " + request.type() + "#" + request.relation() + "@" + request.user()
                + (request.context().isEmpty() ? "" : " " + request.context());
        if (outcome(
                what,
                expectedError,
                () -> new TreeSet<>(engine.listObjects(
                                request.user(),
                                request.type(),
                                request.relation(),
                                request.contextualTuples(),
                                request.context()))
                        .toString(),
                new TreeSet<>(expected).toString())) {
            listsPassed++;
        }
    }

    TestReport report() {
        return new TestReport(checks, checksPassed, lists, listsPassed, failures);
    }

    private boolean outcome(String what, Integer expectedError, Supplier<String> run, String expected) {
        String want = expectedError != null ? "error " + expectedError : expected;
        String got;
        try {
            got = run.get();
        } catch (FgaException e) {
            got = "error " + e.code() + " (" + e.getMessage() + ")";
            if (expectedError != null && e.code() == expectedError) {
                got = want;
            }
        } catch (RuntimeException e) {
            got = e.toString();
        }
        if (!want.equals(got)) {
            failures.add(what + ": expected " + want + ", got " + got);
            return false;
        }
        return true;
    }

    /** A list-objects request. */
    record ListRequest(
            String user, String type, String relation, List<Tuple> contextualTuples, Map<String, Object> context) {}

    /** Tuples in the files' form: {@code {user, relation, object, condition?: {name, context?}}}. */
    static List<Tuple> tuples(JsonNode list) {
        var tuples = new ArrayList<Tuple>();
        for (JsonNode t : list) {
            JsonNode c = t.path("condition");
            tuples.add(new Tuple(
                    t.path("object").asText(),
                    t.path("relation").asText(),
                    t.path("user").asText(),
                    c.hasNonNull("name")
                            ? new TupleCondition(c.get("name").asText(), context(c.path("context")))
                            : null));
        }
        return tuples;
    }

    /** A context object as plain Java values (numbers, strings, booleans, lists, maps). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> context(JsonNode node) {
        return node.isObject() ? JSON.convertValue(node, Map.class) : Map.of();
    }
}
