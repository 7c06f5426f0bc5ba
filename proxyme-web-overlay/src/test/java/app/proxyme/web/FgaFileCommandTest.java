package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fga-conformance} and {@code fga-test} commands: what they print and their exit status. */
class FgaFileCommandTest {
    private static final String MODEL = """
            model
              schema 1.1
            type user
            type deal
              relations
                define responder: [user with under_limit]
            condition under_limit(deal_size: int, limit: int) {
              deal_size < limit
            }
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(FgaFileCommand.Runner runner, String... args) {
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new FgaFileCommand("fga-test", runner, print, print).run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path storeTest(String expectationAt60000) throws Exception {
        Files.writeString(dir.resolve("model.fga"), MODEL);
        Files.writeString(dir.resolve("tuples.yaml"), """
                - user: user:ann
                  relation: responder
                  object: deal:d1
                  condition:
                    name: under_limit
                    context:
                      limit: 50000
                """);
        Path file = dir.resolve("store.fga.yaml");
        Files.writeString(file, """
                name: deals
                model_file: ./model.fga
                tuple_file: ./tuples.yaml
                tests:
                  - name: limit
                    check:
                      - user: user:ann
                        object: deal:d1
                        context: {deal_size: 30000}
                        assertions:
                          responder: true
                      - user: user:ann
                        object: deal:d1
                        context: {deal_size: 60000}
                        assertions:
                          responder: %s
                    list_objects:
                      - user: user:ann
                        type: deal
                        context: {deal_size: 10}
                        assertions:
                          responder: [deal:d1]
                """.formatted(expectationAt60000));
        return file;
    }

    @Test
    void the_abac_suite_passes_completely_and_exits_0() {
        Path suite = Prerequisites.sharedFile("data/openfga/abac_tests.yaml");

        int status = run(app.proxyme.engine.fga.conformance.ConformanceSuite::run, suite.toString());

        assertEquals(0, status, printed());
        assertTrue(printed().contains("checks 125/125, list-objects 75/75"), printed());
    }

    @Test
    void a_store_test_file_with_conditions_and_stored_context_passes() throws Exception {
        int status = run(
                app.proxyme.engine.fga.conformance.StoreTestFile::run,
                storeTest("false").toString());

        assertEquals(0, status, printed());
        assertTrue(printed().contains("checks 2/2, list-objects 1/1"), printed());
    }

    @Test
    void a_failing_assertion_is_printed_and_exits_1() throws Exception {
        int status = run(
                app.proxyme.engine.fga.conformance.StoreTestFile::run,
                storeTest("true").toString());

        assertEquals(1, status, printed());
        assertTrue(printed().contains("FAIL limit check deal:d1#responder@user:ann"), printed());
        assertTrue(printed().contains("checks 1/2, list-objects 1/1"), printed());
    }

    @Test
    void the_shipped_store_test_of_the_product_model_passes() {
        Path file = Path.of("../docs/fga/proxyme.fga.yaml"); // tests run in the module's folder

        int status = run(app.proxyme.engine.fga.conformance.StoreTestFile::run, file.toString());

        assertEquals(0, status, printed());
        assertTrue(printed().contains("checks 11/11, list-objects 2/2"), printed());
    }

    @Test
    void a_missing_file_or_argument_exits_2() {
        assertEquals(2, run(app.proxyme.engine.fga.conformance.StoreTestFile::run));
        assertEquals(
                2,
                run(
                        app.proxyme.engine.fga.conformance.StoreTestFile::run,
                        dir.resolve("nope.yaml").toString()));
    }

    @Test
    void both_commands_are_listed_in_main() {
        assertTrue(Main.commands().containsKey("fga-conformance"));
        assertTrue(Main.commands().containsKey("fga-test"));
    }
}
