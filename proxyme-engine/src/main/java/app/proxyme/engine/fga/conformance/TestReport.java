package app.proxyme.engine.fga.conformance;

import java.util.List;

/**
 * What a run of an OpenFGA test file found: assertions run and passed per kind, and one line per failure.
 *
 * @param checks check assertions run
 * @param checksPassed of which passed
 * @param lists list-objects assertions run
 * @param listsPassed of which passed
 * @param failures one line per failed assertion (or model that does not parse)
 */
public record TestReport(int checks, int checksPassed, int lists, int listsPassed, List<String> failures) {
    public TestReport {
        failures = List.copyOf(failures);
    }

    /** Whether there were assertions and all of them passed. */
    public boolean passed() {
        return failures.isEmpty() && checks + lists > 0;
    }

    /** {@code checks P/N, list-objects P/N}. */
    public String summary() {
        return "checks " + checksPassed + "/" + checks + ", list-objects " + listsPassed + "/" + lists;
    }
}
