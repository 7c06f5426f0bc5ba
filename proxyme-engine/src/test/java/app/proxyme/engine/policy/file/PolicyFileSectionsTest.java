package app.proxyme.engine.policy.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.PolicyProblem;
import app.proxyme.domain.policy.PolicySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy file's sections beyond topics, roles, members, rules and settings (PROTOCOL.md "Policy file"):
 * {@code domains}, {@code members.<email>.subject}, {@code rules[].enabled} and {@code rules[].compiled},
 * {@code tests}, {@code permissions} and {@code grants}. Each is accepted, written back byte for byte, and each
 * mistake is reported with its line.
 */
class PolicyFileSectionsTest {
    /** A file that uses every section, in the form the export writes. */
    static final String EVERY_SECTION = resource("/policy-files/every-section.yaml");

    static String resource(String name) {
        try (InputStream in = PolicyFileSectionsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_file_with_every_section_is_accepted() {
        var doc = PolicyFiles.parse(EVERY_SECTION);

        assertEquals(List.of("initech.test", "initech.example"), doc.domains());
        assertEquals(
                "auth0|65f0c0ffee01", doc.members().get("bill@initech.test").subject());
        var noDiscounts = doc.rules().get(0);
        assertEquals(PolicyDocument.RuleForm.COMPILED, noDiscounts.form());
        assertEquals(
                new PolicyDocument.CompiledSpec(
                        "DENY", List.of("pricing"), List.of("\\bdiscounts?\\b"), List.of("Initrode")),
                noDiscounts.compiled());
        assertNull(noDiscounts.enabled());
        assertEquals(PolicyDocument.RuleForm.INLINE, doc.rules().get(1).form());
        assertEquals(Boolean.FALSE, doc.rules().get(1).enabled());
        assertEquals(Boolean.TRUE, doc.rules().get(2).enabled());
        assertEquals(
                List.of(
                        new PolicyDocument.TestSpec(
                                "Could you give us a discount?",
                                "peter@initech.example",
                                null,
                                Map.of(),
                                "DENY",
                                "rules"),
                        new PolicyDocument.TestSpec(
                                "Does it sync both ways?", null, "account_executive", Map.of(), "AUTO", null)),
                doc.tests());
        assertEquals(
                List.of("read:transcripts", "write:slack", "read:pii"),
                List.copyOf(doc.permissions().keySet()));
        assertEquals("Post to Slack for you", doc.permissions().get("write:slack"));
        assertEquals(
                Map.of("account_executive", List.of("read:transcripts", "write:slack"), "org_admin", List.of()),
                doc.grants());
    }

    @Test
    void a_file_with_every_section_is_written_back_byte_identical() {
        var doc = PolicyFiles.parse(EVERY_SECTION);

        String written = PolicyYaml.write(doc);

        assertEquals(EVERY_SECTION, written);
        assertEquals(doc, PolicyFiles.parse(written));
    }

    @Test
    void a_member_without_subject_has_the_default_and_the_export_does_not_invent_it() {
        var doc = PolicyFiles.parse(EVERY_SECTION);
        var peter = doc.members().get("peter@initech.example");

        assertNull(peter.subject());
        assertEquals("auth0|peter@initech.example", peter.subjectOf("peter@initech.example"));
        assertTrue(PolicyYaml.write(doc)
                .contains("  peter@initech.example: {role: account_executive, name: \"Peter Gibbons\"}\n"));
    }

    @Test
    void a_disabled_rule_is_kept_but_not_in_force() {
        var policy =
                PolicyFiles.parse(EVERY_SECTION).toOrgPolicy(new PolicySettings(0.5, 0.3, Duration.ofSeconds(120)), 1);

        assertEquals(
                List.of("no-discounts", "no-tps-reports"),
                policy.rules().stream().map(r -> r.id()).toList());
    }

    @Test
    void the_shipped_demo_files_use_only_acis_new_sections_and_write_back_compiled_and_then_unchanged() {
        for (String org : PolicyFiles.DEMO_ORGS) {
            var doc = PolicyFiles.demo(org);
            String written = PolicyYaml.write(doc);

            for (String absent : List.of("\ndomains:", "\ntests:", "subject: \"auth0", "enabled:")) {
                assertFalse(written.contains(absent), org + " gained " + absent);
            }
            // ACI.md: the demo organisations define the agent permissions, with their descriptions, and default grants
            assertTrue(written.contains("\npermissions:\n") && written.contains("\ngrants:\n"), org);
            assertTrue(
                    written.contains("    text: \"Never discuss employee compensation or other personnel matters.\"\n"
                            + "    scope: org\n    compiled:\n      effect: DENY\n      topics: [personnel]\n"),
                    "the rules written as text are exported with the compiled form: " + written);
            assertEquals(written, PolicyYaml.write(PolicyFiles.parse(written)), org);
        }
    }

    @Test
    void an_unknown_section_is_an_error_with_its_line() {
        String yaml = EVERY_SECTION.replace("\ntests:\n", "\nquotas:\n  region: string\n\ntests:\n");

        assertErrors(yaml, at(yaml, "quotas:", "quotas: unknown section"));
    }

    @Test
    void an_unknown_field_of_an_entry_is_an_error_with_its_line() {
        String yaml = EVERY_SECTION
                .replace("name: \"Peter Gibbons\"}", "name: \"Peter Gibbons\", title: \"Engineer\"}")
                .replace("      entities:\n", "      entity_types: [org]\n      entities:\n");

        assertErrors(
                yaml,
                at(yaml, "peter@initech.example: {", "members.peter@initech.example.title: unknown field"),
                at(yaml, "entity_types", "rules.no-discounts.compiled.entity_types: unknown field"));
    }

    @Test
    void domains_must_be_lower_case_domain_names_listed_once_and_hold_every_member() {
        String yaml = EVERY_SECTION.replace(
                "domains: [initech.test, initech.example]",
                "domains:\n  - initech.test\n  - \"Initech Corp\"\n  - initech.test");

        assertErrors(
                yaml,
                at(yaml, "\"Initech Corp\"", "domains: 'Initech Corp' is not a lower case domain name"),
                at(yaml, "  - initech.test\n  - \"Initech", "domains: 'initech.test' is listed twice"),
                at(yaml, "peter@initech.example: {", "members.peter@initech.example: e-mail domain"));
    }

    @Test
    void domains_must_be_a_list() {
        String yaml = EVERY_SECTION.replace("domains: [initech.test, initech.example]", "domains: initech.test");

        assertErrors(yaml, at(yaml, "domains:", "domains: must be a list"));
    }

    @Test
    void subjects_are_not_blank_and_belong_to_one_member() {
        String blank = EVERY_SECTION.replace("subject: \"auth0|65f0c0ffee01\"", "subject: \" \"");
        String taken =
                EVERY_SECTION.replace("subject: \"auth0|65f0c0ffee01\"", "subject: \"auth0|peter@initech.example\"");

        assertErrors(blank, at(blank, "bill@initech.test: {", "members.bill@initech.test.subject: a subject is"));
        assertErrors(
                taken,
                at(
                        taken,
                        "peter@initech.example: {",
                        "members.peter@initech.example.subject: 'auth0|peter@initech.example' is also the subject of "
                                + "bill@initech.test"));
    }

    @Test
    void a_compiled_form_needs_a_known_effect_known_topics_and_valid_phrases() {
        String yaml = EVERY_SECTION
                .replace("      effect: DENY\n      topics: [pricing]", "      effect: BLOCK\n      topics: [weather]")
                .replace("        - \"\\\\btps reports?\\\\b\"", "        - \"(tps\"");

        assertErrors(
                yaml,
                at(yaml, "effect: BLOCK", "rules.no-discounts.compiled: effect must be DENY, APPROVE or AUTO"),
                at(yaml, "topics: [weather]", "rules.no-discounts.compiled: unknown topic 'weather'"),
                at(yaml, "\"(tps\"", "rules.no-tps-reports.compiled: phrase '(tps' is not a regular expression"));
    }

    @Test
    void a_phrase_the_linear_time_engine_cannot_run_is_refused_with_its_line() {
        // Backreferences and lookaround need a backtracking engine: java.util.regex takes them, rule phrases may not.
        String yaml = EVERY_SECTION
                .replace("        - \"\\\\bdiscounts?\\\\b\"", "        - \"(discount) \\\\1\"")
                .replace("        - \"\\\\btps reports?\\\\b\"", "        - \"tps(?= reports)\"");

        assertErrors(
                yaml,
                at(
                        yaml,
                        "\"(discount) \\\\1\"",
                        "rules.no-discounts.compiled: phrase '(discount) \\1' is not a regular expression"),
                at(
                        yaml,
                        "\"tps(?= reports)\"",
                        "rules.no-tps-reports.compiled: phrase 'tps(?= reports)' is not a regular expression"));
    }

    @Test
    void a_compiled_form_is_under_compiled_or_beside_the_text_not_both_and_a_text_alone_must_compile() {
        String both = EVERY_SECTION.replace(
                "    scope: org\n    compiled:\n", "    scope: org\n    effect: DENY\n    compiled:\n");
        String missing = EVERY_SECTION.replace(
                "    enabled: false\n    effect: APPROVE\n    topics: [product]\n", "    enabled: false\n");

        assertErrors(both, at(both, "  - id: no-discounts", "rules.no-discounts: effect, topics and phrases go under"));
        assertErrors(
                missing,
                at(
                        missing,
                        "  - id: ask-before-product-promises",
                        "rules.ask-before-product-promises: cannot compile \"Peter asks me before talking product.\":"
                                + " cannot tell whether the rule forbids"));

        var compiled = PolicyFiles.parse(missing.replace(
                        "Peter asks me before talking product.", "Do not discuss product promises without my approval"))
                .rules()
                .stream()
                .filter(r -> r.id().equals("ask-before-product-promises"))
                .findFirst()
                .orElseThrow();
        assertEquals("APPROVE", compiled.effect());
        assertEquals(List.of("product"), compiled.topics());
        assertEquals(PolicyDocument.RuleForm.COMPILED, compiled.form());
    }

    @Test
    void entities_are_names_listed_once_and_enabled_is_true_or_false() {
        String yaml = EVERY_SECTION
                .replace("        - \"Initrode\"\n", "        - \"Initrode\"\n        - \"\"\n        - \"Initrode\"\n")
                .replace("    enabled: false\n", "    enabled: \"maybe\"\n");

        assertErrors(
                yaml,
                at(yaml, "        - \"\"", "rules.no-discounts.compiled.entities: an entity is a name"),
                at(
                        yaml,
                        "        - \"Initrode\"\n        - \"\"",
                        "rules.no-discounts.compiled.entities: 'Initrode' is listed twice"),
                at(yaml, "enabled: \"maybe\"", "rules.ask-before-product-promises.enabled: must be true or false"));
    }

    @Test
    void a_playground_case_names_a_known_member_or_role_and_a_known_outcome_and_layer() {
        String yaml = EVERY_SECTION
                .replace(
                        "    member: peter@initech.example\n    expect: {outcome: DENY, layer: rules}",
                        "    member: milton@initech.test\n    expect: {outcome: MAYBE, layer: policy}")
                .replace(
                        "    role: account_executive\n    expect: {outcome: AUTO}",
                        "    role: consultant\n    expect: {outcome: AUTO}");

        assertErrors(
                yaml,
                at(yaml, "member: milton", "tests[0].member: unknown member 'milton@initech.test'"),
                at(yaml, "outcome: MAYBE", "tests[0].expect.outcome: unknown outcome 'MAYBE'"),
                at(yaml, "outcome: MAYBE", "tests[0].expect.layer: unknown layer 'policy'"),
                at(yaml, "role: consultant", "tests[1].role: unknown role 'consultant'"));
    }

    @Test
    void a_playground_case_has_text_one_subject_and_an_expected_outcome() {
        String yaml = EVERY_SECTION
                .replace(
                        "    member: peter@initech.example\n    expect: {outcome: DENY, layer: rules}",
                        "    member: peter@initech.example\n    role: account_executive\n")
                .replace(
                        "  - text: \"Does it sync both ways?\"\n    role: account_executive\n"
                                + "    expect: {outcome: AUTO}\n",
                        "  - expect: {outcome: AUTO}\n    text: \"\"\n");

        assertErrors(
                yaml,
                at(yaml, "  - text: \"Could you", "tests[0]: a case is for a member or for a role, not both"),
                at(yaml, "  - text: \"Could you", "tests[0].expect: outcome is required"),
                at(yaml, "  - expect: {outcome: AUTO}", "tests[1]: name the member or the role"),
                at(yaml, "    text: \"\"", "tests[1].text: the customer's words are required"));
    }

    @Test
    void outcome_and_layer_are_read_in_any_case_and_written_in_their_usual_form() {
        String yaml = EVERY_SECTION.replace("{outcome: DENY, layer: rules}", "{outcome: deny, layer: RULES}");

        var doc = PolicyFiles.parse(yaml);

        assertEquals("DENY", doc.tests().get(0).outcome());
        assertEquals("rules", doc.tests().get(0).layer());
        assertEquals(EVERY_SECTION, PolicyYaml.write(doc));
    }

    @Test
    void permissions_are_named_kind_what_with_a_description() {
        String yaml = EVERY_SECTION.replace(
                "  \"read:pii\": \"See personal data such as e-mail addresses and phone numbers\"\n",
                "  pii: \"Personal data\"\n  \"write:crm\": \"\"\n  \"read:goals\": [a, b]\n");

        assertErrors(
                yaml,
                at(yaml, "  pii: ", "permissions.pii: a permission is named kind:what"),
                at(yaml, "\"write:crm\"", "permissions.write:crm: a description of 1 to 1000 characters is required"),
                at(yaml, "\"read:goals\"", "permissions.read:goals: the value is the permission's description"),
                at(yaml, "\"read:goals\"", "permissions.read:goals: a description of 1 to 1000 characters"));
    }

    @Test
    void grants_name_known_roles_and_defined_permissions_once() {
        String yaml = EVERY_SECTION.replace(
                "  account_executive: [\"read:transcripts\", \"write:slack\"]\n",
                "  account_executive: [\"read:transcripts\", \"write:crm\", \"read:transcripts\"]\n"
                        + "  intern: [\"read:transcripts\"]\n");

        assertErrors(
                yaml,
                at(yaml, "account_executive: [\"read", "grants.account_executive: unknown permission 'write:crm'"),
                at(
                        yaml,
                        "account_executive: [\"read",
                        "grants.account_executive: permission 'read:transcripts' " + "is listed twice"),
                at(yaml, "  intern: [", "grants.intern: unknown role 'intern'"));
    }

    @Test
    void rule_problems_point_at_the_line_of_the_value_they_quote() {
        String yaml = EVERY_SECTION.replace(
                "    effect: APPROVE\n    topics: [product]\n",
                "    effect: APPROVE\n    topics:\n      - product\n      - weather\n");

        assertErrors(yaml, at(yaml, "      - weather", "rules.ask-before-product-promises: unknown topic 'weather'"));
    }

    /** An expected problem: its line and the start of its message. */
    private record Expected(int line, String messageStart) {}

    private static Expected at(String yaml, String marker, String messageStart) {
        int index = yaml.indexOf(marker);
        if (index < 0) {
            throw new AssertionError("no " + marker + " in the file");
        }
        int line = 1
                + (int) yaml.substring(0, index + (marker.startsWith("\n") ? 1 : 0))
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
        return new Expected(line, messageStart);
    }

    /** The file is refused with exactly these problems, in line order. */
    private static void assertErrors(String yaml, Expected... expected) {
        var e = assertThrows(PolicyFiles.InvalidPolicyException.class, () -> PolicyFiles.parse(yaml));
        List<PolicyProblem> errors = e.errors();
        String all = String.join(
                "\n", errors.stream().map(p -> p.line() + " " + p.message()).toList());
        assertEquals(expected.length, errors.size(), all);
        for (Expected x : expected) {
            assertTrue(
                    errors.stream()
                            .anyMatch(p -> p.line() == x.line() && p.message().startsWith(x.messageStart())),
                    "expected at line " + x.line() + ": " + x.messageStart() + "\nbut got:\n" + all);
        }
    }
}
