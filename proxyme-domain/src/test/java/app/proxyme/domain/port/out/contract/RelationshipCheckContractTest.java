package app.proxyme.domain.port.out.contract;

import static app.proxyme.domain.policy.Effect.APPROVE;
import static app.proxyme.domain.policy.Effect.AUTO;
import static app.proxyme.domain.policy.Effect.DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RelationshipCheck} promises, given organisations' grants in the core's words (each role's effect
 * per topic, each member's role): {@code can_auto_respond} holds exactly for AUTO topics, {@code
 * can_respond_with_approval} for AUTO and APPROVE ones; nothing of one organisation ever counts on another's topics;
 * a changed grant is seen by the next check; unknown relations, topics and users are {@code false}; answers keep the
 * order of the questions, also beyond one server batch; and when it cannot answer it throws {@link
 * DependencyUnavailableException} (the caller fails closed). Extended once per adapter.
 */
public abstract class RelationshipCheckContractTest {
    /** The adapter under test, answering from the grants given to {@link #grant}. */
    protected abstract RelationshipCheck subject();

    /** Makes the adapter answer from these grants for the organisation, replacing what it had for it. */
    protected abstract void grant(Grants grants);

    /** Makes the adapter's source of truth unreachable (server down, database closed, ...). */
    protected abstract void makeUnavailable();

    /**
     * One organisation's grants.
     *
     * @param org the organisation
     * @param topics its topics, in order
     * @param roles per role, its effect per topic (a topic it does not name is DENY)
     * @param members per member's email, their one role
     */
    public record Grants(
            String org, List<String> topics, Map<String, Map<String, Effect>> roles, Map<String, String> members) {
        public Grants {
            topics = List.copyOf(topics);
            roles = Map.copyOf(roles);
            members = Map.copyOf(members);
        }

        /** The topics a role's effect is {@code effect} on, in topic order. */
        public List<String> topicsWith(String role, Effect effect) {
            return topics.stream()
                    .filter(t -> roles.get(role).getOrDefault(t, DENY) == effect)
                    .toList();
        }
    }

    protected static final List<String> TOPICS = List.of("product", "security", "pricing", "legal", "smalltalk");

    /** Two organisations of their own (the adapter's storage may be shared with other tests), and their members. */
    protected final String acme = Contracts.freshOrg();

    protected final String globex = Contracts.freshOrg();
    protected final String jae = "jae@" + acme + ".test";
    protected final String ae = "ae@" + acme + ".test";
    protected final String sam = "sam@" + globex + ".test";

    protected static final Map<String, Effect> JUNIOR_AE =
            Map.of("product", AUTO, "smalltalk", AUTO, "security", APPROVE, "pricing", DENY);

    /** acme: a junior AE (as given) and an AE with pricing APPROVE. */
    protected Grants acmeGrants(Map<String, Effect> juniorAe) {
        return new Grants(
                acme,
                TOPICS,
                Map.of(
                        "junior_ae",
                        juniorAe,
                        "account_executive",
                        Map.of("product", AUTO, "security", AUTO, "pricing", APPROVE, "smalltalk", AUTO)),
                Map.of(jae, "junior_ae", ae, "account_executive"));
    }

    /** globex: a role of the same name as acme's, which may do more. */
    protected Grants globexGrants() {
        return new Grants(
                globex,
                TOPICS,
                Map.of("account_executive", Map.of("product", AUTO, "pricing", AUTO, "legal", APPROVE)),
                Map.of(sam, "account_executive"));
    }

    @BeforeEach
    void twoOrganisations() {
        grant(acmeGrants(JUNIOR_AE));
        grant(globexGrants());
    }

    @Test
    void each_topic_is_auto_approve_or_deny_as_the_members_role_grants() {
        assertEquals(List.of(AUTO, APPROVE, DENY, DENY, AUTO), row(jae, acme));
        assertEquals(List.of(AUTO, AUTO, APPROVE, DENY, AUTO), row(ae, acme));
        assertEquals(List.of(AUTO, DENY, AUTO, APPROVE, DENY), row(sam, globex));
    }

    @Test
    void junior_ae_never_gets_pricing_and_nobody_crosses_organisations() {
        assertEquals(DENY, effect(jae, acme, "pricing"));
        assertEquals(
                List.of(DENY, DENY, DENY, DENY, DENY),
                row(sam, acme),
                "globex's account_executive grants nothing on acme's topics");
        assertEquals(List.of(DENY, DENY, DENY, DENY, DENY), row(ae, globex));
    }

    @Test
    void a_changed_grant_is_seen_by_the_next_check() {
        assertEquals(AUTO, effect(jae, acme, "product"));

        var withoutProduct = new LinkedHashMap<>(JUNIOR_AE);
        withoutProduct.put("product", DENY);
        grant(acmeGrants(withoutProduct));
        assertEquals(DENY, effect(jae, acme, "product"));
        assertEquals(APPROVE, effect(jae, acme, "security"), "the rest is kept");

        grant(acmeGrants(JUNIOR_AE));
        assertEquals(AUTO, effect(jae, acme, "product"));
    }

    @Test
    void unknown_relations_topics_and_users_are_false_and_answers_keep_their_order() {
        var queries = new ArrayList<RelationshipQuery>();
        queries.add(new RelationshipQuery(
                RelationshipCheck.user(ae), "can_delete", RelationshipCheck.topic(acme, "product")));
        queries.add(new RelationshipQuery(
                RelationshipCheck.user(ae),
                RelationshipCheck.CAN_AUTO_RESPOND,
                RelationshipCheck.topic(acme, "nothing")));
        queries.add(new RelationshipQuery(
                RelationshipCheck.user("nobody@" + acme + ".test"),
                RelationshipCheck.CAN_AUTO_RESPOND,
                RelationshipCheck.topic(acme, "product")));
        var expected = new ArrayList<>(List.of(false, false, false));
        for (int i = 0; i < 120; i++) { // more than one batch of an OpenFGA server (50 by default)
            String topic = TOPICS.get(i % TOPICS.size());
            queries.add(new RelationshipQuery(
                    RelationshipCheck.user(ae),
                    RelationshipCheck.CAN_AUTO_RESPOND,
                    RelationshipCheck.topic(acme, topic)));
            expected.add(List.of("product", "security", "smalltalk").contains(topic));
        }

        assertEquals(expected, subject().check(queries));
        assertEquals(List.of(), subject().check(List.of()), "no questions, no answers");
    }

    @Test
    void it_fails_closed_when_it_cannot_answer() {
        makeUnavailable();

        var e = assertThrows(
                DependencyUnavailableException.class,
                () -> subject()
                        .check(List.of(new RelationshipQuery(
                                RelationshipCheck.user(jae),
                                RelationshipCheck.CAN_AUTO_RESPOND,
                                RelationshipCheck.topic(acme, "product")))));
        assertEquals("fga", e.dependency());
    }

    private List<Effect> row(String email, String org) {
        return TOPICS.stream().map(t -> effect(email, org, t)).toList();
    }

    protected Effect effect(String email, String org, String topic) {
        var answers = subject()
                .check(List.of(
                        new RelationshipQuery(
                                RelationshipCheck.user(email),
                                RelationshipCheck.CAN_AUTO_RESPOND,
                                RelationshipCheck.topic(org, topic)),
                        new RelationshipQuery(
                                RelationshipCheck.user(email),
                                RelationshipCheck.CAN_RESPOND_WITH_APPROVAL,
                                RelationshipCheck.topic(org, topic))));
        if (answers.get(0) && !answers.get(1)) {
            throw new AssertionError(email + " may answer on " + topic + " without approval but not with it");
        }
        return answers.get(0) ? AUTO : answers.get(1) ? APPROVE : DENY;
    }
}
