package app.proxyme.engine.policy.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.PolicyProblem;
import app.proxyme.engine.fga.ProductModel;
import app.proxyme.engine.fga.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy file's {@code context} section and {@code roles.<role>.auto_when}: parsed, written back byte for byte,
 * compiled to FGA conditions and conditional tuples; CEL's syntax and type errors reported on their line.
 */
class ConditionalPolicyFileTest {
    private static final String FILE = PolicyFileSectionsTest.resource("/policy-files/conditional.yaml");
    /** The same policy with test cases that set meeting values. */
    private static final String CASES = PolicyFileSectionsTest.resource("/policy-files/conditional-cases.yaml");

    @Test
    void context_and_auto_when_are_read_and_written_back_byte_identical() {
        var doc = PolicyFiles.parse(FILE);

        assertEquals(Map.of("deal_size", "int", "customer_region", "string", "strategic", "bool"), doc.context());
        assertEquals(
                Map.of("pricing", "deal_size < 50000 && customer_region != \"CN\""),
                doc.roles().get("account_executive").autoWhen());
        assertEquals(FILE, PolicyYaml.write(doc));
    }

    @Test
    void each_auto_when_compiles_to_a_condition_over_the_values_it_reads_and_a_conditional_tuple() {
        var doc = PolicyFiles.parse(FILE);

        var conditions = PolicyConditions.of(doc);
        var model = ProductModel.with(conditions);

        assertEquals(
                Map.of("deal_size", "int", "customer_region", "string"),
                conditions.get(0).parameters());
        assertEquals(
                "auto_when_initech__account_executive__pricing",
                conditions.get(0).name());
        assertTrue(model.conditions().containsKey("auto_when_initech__intern__pricing"));
        var conditional = PolicyTuples.of(doc).stream()
                .filter(t -> t.condition() != null)
                .map(Tuple::toString)
                .toList();
        assertEquals(2, conditional.size());
        assertTrue(PolicyTuples.of(doc).stream().allMatch(model::accepts), "the runtime model accepts every tuple");
        assertTrue(!ProductModel.get()
                .accepts(PolicyTuples.of(doc).stream()
                        .filter(t -> t.condition() != null)
                        .findFirst()
                        .orElseThrow()));
    }

    @Test
    void a_cel_syntax_error_is_reported_on_its_line() {
        var e = invalid(FILE.replace("pricing: \"strategic\"", "pricing: \"strategic &&\""));

        assertEquals(23, e.line());
        assertTrue(e.message().startsWith("roles.intern.auto_when.pricing: does not compile"), e.message());
    }

    @Test
    void a_cel_type_error_is_reported_on_its_line() {
        var e = invalid(FILE.replace("deal_size < 50000", "deal_size < \\\"50000\\\""));

        assertEquals(20, e.line());
        assertTrue(e.message().contains("does not compile"), e.message());
    }

    @Test
    void a_value_the_context_does_not_declare_is_an_error() {
        var e = invalid(FILE.replace("pricing: \"strategic\"", "pricing: \"strategic && seats > 10\""));

        assertEquals(23, e.line());
        assertTrue(e.message().contains("seats"), e.message());
    }

    @Test
    void a_role_whose_name_cannot_name_a_condition_may_not_have_one() {
        var e = invalid(FILE.replace("  intern:\n", "  in.tern:\n").replace("{role: intern,", "{role: in.tern,"));

        assertEquals(23, e.line());
        assertEquals(
                "roles.in.tern.auto_when.pricing: a role with conditions is named with letters, digits, '_' and '-'"
                        + " only",
                e.message());
    }

    @Test
    void a_type_that_is_not_offered_is_an_error_on_its_line() {
        var e = invalid(FILE.replace("deal_size: int", "deal_size: integer"));

        assertEquals(5, e.line());
        assertEquals("context.deal_size: type 'integer' is not one of int, double, string, bool", e.message());
    }

    @Test
    void a_condition_cannot_lift_a_denied_topic_nor_repeat_an_auto_one() {
        var denied = invalid(FILE.replace("    approve: [pricing]\n", "    deny: [pricing]\n"));
        var auto = invalid(
                FILE.replace("    auto: [product]\n    approve: [pricing]\n", "    auto: [product, pricing]\n"));

        assertEquals(
                "roles.account_executive.auto_when.pricing: pricing is in deny, which a condition cannot lift",
                denied.message());
        assertTrue(auto.message().contains("already"), auto.message());
    }

    @Test
    void a_test_case_carries_meeting_values_typed_as_a_users_and_is_written_back_byte_identical() {
        var doc = PolicyFiles.parse(CASES);

        assertEquals(
                Map.of("deal_size", 30000L, "customer_region", "EU"),
                doc.tests().get(0).context());
        assertEquals(Map.of("strategic", true), doc.tests().get(2).context());
        assertEquals(CASES, PolicyYaml.write(doc));
        assertEquals(doc, PolicyFiles.parse(PolicyYaml.write(doc)));
    }

    @Test
    void a_test_case_value_of_the_wrong_type_is_an_error_on_its_line() {
        var e = invalid(CASES.replace("{deal_size: 90000,", "{deal_size: \"large\","));

        assertEquals(39, e.line());
        assertEquals("tests[1].context.deal_size: must be an int", e.message());
    }

    @Test
    void a_test_case_value_the_context_does_not_declare_is_an_error_on_its_line() {
        var e = invalid(CASES.replace("{strategic: true}", "{strategic: true, seats: 12}"));

        assertEquals(43, e.line());
        assertEquals(
                "tests[2].context.seats: is not a context value of the policy (deal_size, customer_region, strategic)",
                e.message());
    }

    private static PolicyProblem invalid(String yaml) {
        var e = assertThrows(PolicyFiles.InvalidPolicyException.class, () -> PolicyFiles.parse(yaml));
        List<PolicyProblem> errors = e.errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }
}
