package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every section of the policy file is stored and comes back in the export, byte for byte (migration
 * {@code V4__policy_sections}); run once per database (H2 file, PostgreSQL), each on a database of its own.
 */
abstract class PolicyFileStorageContractTest {
    private static final String EVERY_SECTION = resource("/policy-files/every-section.yaml");

    protected Database db;

    /** JDBC url, user and password of an empty database for this test class. */
    protected abstract String[] connection();

    @BeforeEach
    void open() {
        String[] c = connection();
        db = Database.open(c[0], c[1], c[2]);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_file_with_every_section_is_stored_and_exported_byte_identical() {
        db.policyAdmin().replace(PolicyFiles.parse(EVERY_SECTION));

        String exported = PolicyYaml.write(db.policyAdmin().export("initech").orElseThrow());
        db.policyAdmin().replace(PolicyFiles.parse(exported));

        assertEquals(EVERY_SECTION, exported);
        assertEquals(
                exported, PolicyYaml.write(db.policyAdmin().export("initech").orElseThrow()));
    }

    @Test
    void the_decision_reads_the_enabled_rules_only() {
        db.policyAdmin().replace(PolicyFiles.parse(EVERY_SECTION));

        var rules = db.policyStore().policy("initech").rules();

        assertEquals(
                List.of("no-discounts", "no-tps-reports"),
                rules.stream().map(r -> r.id()).toList());
    }

    @Test
    void an_email_domain_belongs_to_one_organisation_and_the_refusal_does_not_name_it() {
        db.policyAdmin().replace(PolicyFiles.parse(EVERY_SECTION));
        String before = PolicyYaml.write(db.policyAdmin().export("initech").orElseThrow());
        var claims =
                PolicyFiles.parse(INITRODE.replace("members:", "domains: [initrode.test, initech.test]\n\nmembers:"));

        var e = assertThrows(DomainException.class, () -> db.policyAdmin().replace(claims));

        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals("e-mail domain initech.test belongs to another organisation", e.getMessage());
        assertFalse(db.policyAdmin().organisations().contains("initrode"));
        assertEquals(before, PolicyYaml.write(db.policyAdmin().export("initech").orElseThrow()));
    }

    @Test
    void a_member_whose_address_is_in_another_organisations_domain_is_refused() {
        db.policyAdmin().replace(PolicyFiles.parse(EVERY_SECTION));
        var other = PolicyFiles.parse(INITRODE + "  milton@initech.example: {role: org_admin}\n");

        var e = assertThrows(DomainException.class, () -> db.policyAdmin().replace(other));

        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(
                "member milton@initech.example: the e-mail domain belongs to another organisation", e.getMessage());
        assertFalse(db.policyAdmin().organisations().contains("initrode"));
    }

    private static final String CONDITIONAL = resource("/policy-files/conditional.yaml");

    @Test
    void context_declarations_and_auto_when_are_stored_and_exported_byte_identical() {
        db.policyAdmin().replace(PolicyFiles.parse(CONDITIONAL));

        String exported = PolicyYaml.write(db.policyAdmin().export("initech").orElseThrow());
        db.policyAdmin().replace(PolicyFiles.parse(exported));

        assertEquals(CONDITIONAL, exported);
        assertEquals(
                exported, PolicyYaml.write(db.policyAdmin().export("initech").orElseThrow()));
    }

    @Test
    void test_cases_with_meeting_values_are_stored_and_exported_byte_identical() {
        String cases = resource("/policy-files/conditional-cases.yaml");
        db.policyAdmin().replace(PolicyFiles.parse(cases));

        String exported = PolicyYaml.write(db.policyAdmin().export("initech").orElseThrow());

        assertEquals(cases, exported);
        assertEquals(
                PolicyFiles.parse(cases), db.policyAdmin().export("initech").orElseThrow());
    }

    @Test
    void a_conditional_topic_is_auto_while_its_condition_holds_and_the_listed_effect_otherwise() {
        db.policyAdmin().replace(PolicyFiles.parse(CONDITIONAL));
        var decide = new ConditionalDecisions(db, "initech");

        var small = decide.pricing("ae@initech.test", Map.of("deal_size", 30000L, "customer_region", "EU"));
        var large = decide.pricing("ae@initech.test", Map.of("deal_size", 80000L, "customer_region", "EU"));
        var excluded = decide.pricing("ae@initech.test", Map.of("deal_size", 30000L, "customer_region", "CN"));

        assertEquals(Outcome.AUTO, small.outcome());
        assertEquals(
                "role account_executive may answer pricing: deal_size < 50000 && customer_region != \"CN\" holds"
                        + " (deal_size=30000, customer_region=EU)",
                small.reason());
        assertEquals(Outcome.APPROVE, large.outcome());
        assertEquals(Outcome.APPROVE, excluded.outcome());
        var fga = small.trace().stream()
                .filter(t -> t.layer() == Layer.FGA)
                .findFirst()
                .orElseThrow();
        assertEquals(
                Map.of("deal_size", 30000L, "customer_region", "EU"),
                fga.condition().values());
    }

    @Test
    void a_missing_value_means_the_condition_does_not_hold_and_the_reason_names_it() {
        db.policyAdmin().replace(PolicyFiles.parse(CONDITIONAL));
        var decide = new ConditionalDecisions(db, "initech");

        var none = decide.pricing("ae@initech.test", Map.of());
        var half = decide.pricing("ae@initech.test", Map.of("deal_size", 30000L));
        var intern = decide.pricing("intern@initech.test", Map.of());
        var strategic = decide.pricing("intern@initech.test", Map.of("strategic", true));

        assertEquals(Outcome.APPROVE, none.outcome());
        assertEquals(
                "role account_executive may answer pricing only with approval: deal_size < 50000 && customer_region"
                        + " != \"CN\" does not hold: deal_size, customer_region are missing",
                none.reason());
        assertEquals(Outcome.APPROVE, half.outcome());
        assertEquals(List.of("customer_region"), fgaCondition(half).missing());
        assertEquals(Outcome.DENY, intern.outcome(), "unlisted and the condition missing: DENY");
        assertEquals(List.of("strategic"), fgaCondition(intern).missing());
        assertEquals(Outcome.AUTO, strategic.outcome());
    }

    @Test
    void a_new_policy_without_the_condition_takes_the_lift_away_at_once() {
        db.policyAdmin().replace(PolicyFiles.parse(CONDITIONAL));
        var decide = new ConditionalDecisions(db, "initech");
        var values = Map.<String, Object>of("deal_size", 30000L, "customer_region", "EU");
        assertEquals(Outcome.AUTO, decide.pricing("ae@initech.test", values).outcome());

        var doc = PolicyFiles.parse(CONDITIONAL);
        var roles = new java.util.LinkedHashMap<>(doc.roles());
        var ae = roles.get("account_executive");
        roles.put("account_executive", new PolicyDocument.RoleSpec(ae.auto(), ae.approve(), ae.deny()));
        db.policyAdmin().replace(doc.withRoles(roles));

        assertEquals(Outcome.APPROVE, decide.pricing("ae@initech.test", values).outcome());
    }

    @Test
    void conditions_of_one_organisation_never_lift_another_organisations_role() {
        db.policyAdmin().replace(PolicyFiles.parse(CONDITIONAL));
        db.policyAdmin()
                .replace(PolicyFiles.parse(CONDITIONAL
                        .replace("org: initech", "org: initrode")
                        .replace("@initech.test", "@initrode.test")
                        .replace("deal_size < 50000", "deal_size < 10")));
        var values = Map.<String, Object>of("deal_size", 30000L, "customer_region", "EU");

        assertEquals(
                Outcome.AUTO,
                new ConditionalDecisions(db, "initech")
                        .pricing("ae@initech.test", values)
                        .outcome());
        assertEquals(
                Outcome.APPROVE,
                new ConditionalDecisions(db, "initrode")
                        .pricing("ae@initrode.test", values)
                        .outcome());
    }

    private static app.proxyme.domain.decision.ConditionUse fgaCondition(Decision d) {
        return d.trace().stream()
                .filter(t -> t.layer() == Layer.FGA)
                .findFirst()
                .orElseThrow()
                .condition();
    }

    /** Another organisation, without domains, ending in its members section. */
    private static final String INITRODE = "org: initrode\ntopics:\n  product:\n    description: \"x\"\nroles:\n"
            + "  org_admin: {}\nmembers:\n  boss@initrode.test: {role: org_admin}\n";

    private static String resource(String name) {
        try (InputStream in = PolicyFileStorageContractTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
