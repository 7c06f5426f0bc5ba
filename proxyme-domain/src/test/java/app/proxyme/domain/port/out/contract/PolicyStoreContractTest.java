package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.fakes.Fixtures;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.Phrase;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.policy.Rule;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.PolicyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PolicyStore} promises: a member is found by email (whatever its case) in whichever organisation
 * they belong to, each organisation gets its own policy (catalogue, rules, settings) as stored, and a policy or member
 * written anew is what the next read returns, with a new catalogue version. Extended once per adapter.
 */
public abstract class PolicyStoreContractTest {
    /** The store under test. */
    protected abstract PolicyStore subject();

    /** Stores the organisation's whole policy and members, replacing whatever was stored for it. */
    protected abstract void store(OrgPolicy policy, List<Member> members);

    private final String acme = Contracts.freshOrg();
    private final String globex = Contracts.freshOrg();
    private final Member jae = new Member("jae@" + acme + ".test", acme, "junior_ae", "Jo Junior");
    private final Member ae = new Member("ae@" + acme + ".test", acme, "account_executive", "Alex");
    private final Member sam = new Member("sam@" + globex + ".test", globex, "account_executive", "Sam");

    @BeforeEach
    void twoOrganisations() {
        store(acmePolicy(List.of(topic("product"), topic("pricing"))), List.of(jae, ae));
        store(
                new OrgPolicy(
                        globex,
                        new TopicCatalog(globex, List.of(topic("security")), 1),
                        List.of(),
                        new PolicySettings(0.6, 0.2, Duration.ofSeconds(45))),
                List.of(sam));
    }

    @Test
    void a_member_is_found_by_email_in_their_own_organisation() {
        assertEquals(jae, subject().member(jae.email()).orElseThrow());
        assertEquals(sam, subject().member(sam.email()).orElseThrow());
        assertEquals(
                jae,
                subject().member(jae.email().toUpperCase(java.util.Locale.ROOT)).orElseThrow(),
                "emails are compared whatever their case");
        assertTrue(subject().member("nobody@" + acme + ".test").isEmpty());
    }

    @Test
    void a_member_without_a_subject_of_their_own_is_found_by_the_default_subject() {
        assertEquals(
                jae,
                subject()
                        .memberBySubject(PolicyStore.defaultSubject(jae.email()))
                        .orElseThrow());
        assertEquals(sam, subject().memberBySubject("auth0|" + sam.email()).orElseThrow());
        assertTrue(subject().memberBySubject(jae.email()).isEmpty(), "an e-mail address is not a subject");
        assertTrue(subject().memberBySubject("auth0|nobody@" + acme + ".test").isEmpty());
        assertTrue(subject().memberBySubject("google-oauth2|" + jae.email()).isEmpty());
        assertTrue(subject().memberBySubject(null).isEmpty());
    }

    @Test
    void a_member_without_a_subject_of_their_own_is_addressed_by_the_default_subject() {
        assertEquals("auth0|" + jae.email(), subject().subjectOf(jae.email()).orElseThrow());
        assertEquals(
                jae,
                subject()
                        .memberBySubject(subject().subjectOf(jae.email()).orElseThrow())
                        .orElseThrow(),
                "the subject leads back to the member");
        assertTrue(subject().subjectOf("nobody@" + acme + ".test").isEmpty());
    }

    @Test
    void each_organisation_gets_its_own_policy_as_stored() {
        var policy = subject().policy(acme);

        assertEquals(acme, policy.org());
        assertEquals(acme, policy.catalog().org());
        assertEquals(
                List.of(topic("product"), topic("pricing")), policy.catalog().topics());
        assertEquals(
                List.of("no-discounts"), policy.rules().stream().map(Rule::id).toList());
        var rule = policy.rules().get(0);
        assertEquals(Effect.APPROVE, rule.cap());
        assertEquals(RuleScope.ROLE, rule.scope());
        assertEquals("junior_ae", rule.subject());
        assertEquals(Set.of("pricing"), rule.topics());
        assertEquals(
                List.of("discount"), rule.phrases().stream().map(Phrase::source).toList());
        assertTrue(rule.matches("pricing", "can you give us a DISCOUNT"), "phrases stay case-insensitive");
        assertEquals(new PolicySettings(0.7, 0.25, Duration.ofSeconds(90)), policy.settings());

        var other = subject().policy(globex);
        assertEquals(
                List.of("security"),
                other.catalog().topics().stream().map(Topic::id).toList());
        assertEquals(List.of(), other.rules());
        assertEquals(new PolicySettings(0.6, 0.2, Duration.ofSeconds(45)), other.settings());
    }

    @Test
    void a_policy_written_anew_is_read_at_once_with_a_new_catalogue_version() {
        var before = subject().policy(acme);

        store(acmePolicy(List.of(topic("product"), topic("pricing"), topic("legal"))), List.of(jae, ae));

        var after = subject().policy(acme);
        assertEquals(
                List.of("product", "pricing", "legal"),
                after.catalog().topics().stream().map(Topic::id).toList());
        assertNotEquals(
                before.catalog().version(),
                after.catalog().version(),
                "a catalogue's version changes whenever its content does");
        assertEquals(
                List.of("security"),
                subject().policy(globex).catalog().topics().stream()
                        .map(Topic::id)
                        .toList(),
                "others are kept");
    }

    @Test
    void a_member_changed_or_removed_is_read_at_once() {
        var promoted = new Member(jae.email(), acme, "account_executive", jae.displayName());
        assertEquals(jae, subject().member(jae.email()).orElseThrow(), "read once before the change");
        assertEquals(ae, subject().member(ae.email()).orElseThrow());

        store(acmePolicy(List.of(topic("product"), topic("pricing"))), List.of(promoted));

        assertEquals(promoted, subject().member(jae.email()).orElseThrow());
        assertTrue(subject().member(ae.email()).isEmpty(), "a member no longer in the policy is gone");
        assertEquals(sam, subject().member(sam.email()).orElseThrow(), "another organisation's members are kept");
    }

    private OrgPolicy acmePolicy(List<Topic> topics) {
        var rule = new Rule(
                "no-discounts",
                "Junior AEs never promise discounts without approval",
                RuleScope.ROLE,
                "junior_ae",
                Effect.APPROVE,
                Set.of("pricing"),
                Fixtures.phrases("discount"));
        return new OrgPolicy(
                acme,
                new TopicCatalog(acme, topics, 1),
                List.of(rule),
                new PolicySettings(0.7, 0.25, Duration.ofSeconds(90)));
    }

    private static Topic topic(String id) {
        return new Topic(
                id,
                "All about " + id,
                List.of("what about " + id, "tell me about " + id),
                List.of("Our answer on " + id + "."));
    }
}
