package app.proxyme.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.PolicyProblem;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import app.proxyme.engine.fga.RemoteFga;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.rules.RuleReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy file's test cases run on import, with the real local classifier and the embedded evaluator over the
 * imported file itself: cases that set meeting values are decided with them; a case whose decision is not the one
 * it expects fails the import at its line and nothing changes.
 */
class PolicyCasesOnImportTest {
    private static final Member ADMIN = new Member("boss@initech.test", "initech", Member.ORG_ADMIN, "Bill");
    private static final String FILE = resource("/policy-files/conditional.yaml");
    private static final String CASES = resource("/policy-files/conditional-cases.yaml");
    private static final String LARGE_DEAL_APPROVE =
            "{deal_size: 90000, customer_region: \"EU\"}\n    expect: {outcome: APPROVE}";

    @TempDir
    Path dir;

    private Database db;
    private PolicyAsCode policies;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        db.policyAdmin().replace(PolicyFiles.parse(FILE));
        var cases = new DecidedPolicyCases(
                new LocalTopicClassifier(), PolicySettings.DEFAULTS, EmbeddedRelationshipCheck::new);
        policies = new PolicyAsCode(
                db.policyAdmin(), RemoteFga.EMBEDDED, cases, db.auditLog(Clock.systemUTC()), RuleReading.LOCAL);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void cases_decided_with_their_meeting_values_pass_and_the_file_is_exported_as_written() {
        // deal_size 30000: AUTO by fga; 90000: APPROVE; an intern's strategic deal: AUTO
        policies.replace(ADMIN, CASES);

        assertEquals(CASES, policies.export(ADMIN));
    }

    @Test
    void a_case_expecting_the_wrong_outcome_fails_the_import_at_its_line_and_changes_nothing() {
        String before = policies.export(ADMIN);
        String wrong = CASES.replace(LARGE_DEAL_APPROVE, LARGE_DEAL_APPROVE.replace("APPROVE", "AUTO"));
        assertTrue(!wrong.equals(CASES), "the file changed");

        var e = assertThrows(PolicyFiles.InvalidPolicyException.class, () -> policies.replace(ADMIN, wrong));

        List<PolicyProblem> errors = e.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(37, errors.get(0).line());
        assertTrue(
                errors.get(0).message().startsWith("tests[1]: expected AUTO, decided APPROVE by fga: "),
                errors.get(0).message());
        assertTrue(
                errors.get(0).message().contains("does not hold"), errors.get(0).message());
        assertEquals(before, policies.export(ADMIN));
    }

    @Test
    void a_case_without_the_value_its_condition_reads_is_decided_without_it() {
        String missing = CASES.replace(
                        "    context: {deal_size: 30000, customer_region: \"EU\"}\n",
                        "    context: {customer_region: \"EU\"}\n")
                .replace("expect: {outcome: AUTO, layer: fga}", "expect: {outcome: APPROVE, layer: fga}");

        policies.replace(ADMIN, missing);

        assertEquals(missing, policies.export(ADMIN));
    }

    @Test
    void checking_a_file_reports_a_failing_case_as_the_import_would() {
        String wrong = CASES.replace("{strategic: true}", "{strategic: false}");

        var e = assertThrows(PolicyFiles.InvalidPolicyException.class, () -> policies.preview(ADMIN, wrong));

        assertEquals(41, e.errors().get(0).line());
        assertTrue(
                e.errors().get(0).message().startsWith("tests[2]: expected AUTO, decided DENY by fga"), e.getMessage());
    }

    private static String resource(String name) {
        try (InputStream in = PolicyCasesOnImportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
