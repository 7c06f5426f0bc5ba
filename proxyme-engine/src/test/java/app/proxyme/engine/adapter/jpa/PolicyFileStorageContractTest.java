package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.DomainException;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
