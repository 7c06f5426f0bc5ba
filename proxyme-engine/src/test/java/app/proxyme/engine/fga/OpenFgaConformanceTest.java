package app.proxyme.engine.fga;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.fga.conformance.ConformanceSuite;
import app.proxyme.engine.fga.conformance.TestReport;
import app.proxyme.engine.testsupport.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * Runs every check and list-objects assertion of OpenFGA's own conformance suites against the embedded engine:
 * {@code ../shared/data/openfga/consolidated_1_1_tests.yaml} (relations) and {@code abac_tests.yaml} (conditions).
 */
class OpenFgaConformanceTest {
    @Test
    void the_embedded_engine_passes_every_check_and_list_objects_assertion() throws Exception {
        TestReport consolidated =
                ConformanceSuite.run(Prerequisites.sharedFile("data/openfga/consolidated_1_1_tests.yaml"));
        TestReport abac = ConformanceSuite.run(Prerequisites.sharedFile("data/openfga/abac_tests.yaml"));

        System.out.println("OpenFGA conformance: " + consolidated.summary());
        System.out.println("OpenFGA ABAC conformance: " + abac.summary());
        consolidated.failures().forEach(System.out::println);
        abac.failures().forEach(System.out::println);
        assertTrue(
                consolidated.passed(),
                consolidated.failures().size() + " failures:\n" + String.join("\n", consolidated.failures()));
        assertTrue(abac.passed(), abac.failures().size() + " failures:\n" + String.join("\n", abac.failures()));
    }
}
