package app.proxyme.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.port.in.ReadRule;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.policy.rules.RuleReading;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReadRule} over the embedded database: a sentence read against the organisation's stored catalogue. */
class RuleDraftsTest {
    private static final Member ADMIN = new Member("admin@acme.test", "acme", "org_admin", "Ada");
    private static final Member AUDITOR = new Member("audit@acme.test", "acme", "compliance_reviewer", "Casey");

    @TempDir
    Path dir;

    private Database db;
    private ReadRule rules;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
        rules = new RuleDrafts(db.policyAdmin(), RuleReading.LOCAL);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_sentence_is_read_against_the_catalogue_and_comes_back_disabled() {
        var read = rules.read(
                ADMIN, "no-pay", "Never discuss salaries or other personnel matters.", RuleScope.ROLE, "junior_ae");

        assertEquals(Effect.DENY, read.effect());
        assertEquals(List.of("personnel"), read.topics());
        assertEquals("junior_ae", read.subject());
        assertFalse(read.enabled());
    }

    @Test
    void an_entity_brings_its_phrases() {
        var read = rules.read(
                ADMIN, "refs", "Do not name other customers as references without my approval", RuleScope.ORG, null);

        assertEquals(Effect.APPROVE, read.effect());
        assertEquals(List.of("customer reference"), read.entities());
        assertFalse(read.phrases().isEmpty());
    }

    @Test
    void a_sentence_it_cannot_read_is_refused_with_the_compilers_reason() {
        var e = assertThrows(
                DomainException.class, () -> rules.read(ADMIN, "nice", "Be nice to everyone", RuleScope.ORG, null));

        assertEquals(DomainException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("cannot tell whether the rule forbids"), e.getMessage());
    }

    @Test
    void only_the_admin_may_read_rules_and_a_role_rule_needs_its_role() {
        var forbidden = assertThrows(
                DomainException.class, () -> rules.read(AUDITOR, "x", "Never discuss pricing", RuleScope.ORG, null));
        assertEquals(DomainException.Kind.FORBIDDEN, forbidden.kind());
        var noSubject = assertThrows(
                DomainException.class, () -> rules.read(ADMIN, "x", "Never discuss pricing", RuleScope.ROLE, null));
        assertEquals(DomainException.Kind.BAD_REQUEST, noSubject.kind());
    }
}
