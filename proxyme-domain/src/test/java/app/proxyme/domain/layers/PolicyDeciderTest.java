package app.proxyme.domain.layers;

import static app.proxyme.domain.fakes.Fixtures.AE;
import static app.proxyme.domain.fakes.Fixtures.JAE;
import static app.proxyme.domain.fakes.Fixtures.SETTINGS;
import static app.proxyme.domain.fakes.Fixtures.catalog;
import static app.proxyme.domain.fakes.Fixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.fakes.Fixtures;
import app.proxyme.domain.fakes.MatrixRelationshipCheck;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.flow.FlowStep;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Rule;
import app.proxyme.domain.policy.RuleScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyDeciderTest {
    private final MatrixRelationshipCheck fga = Fixtures.demoMatrix();
    private final PolicyDecider decider = new PolicyDecider(fga);

    private Decision decide(Member m, String text, Classification c, List<Rule> rules, Set<String> off) {
        return decider.decide(new DecisionRequest(m, text, c, catalog(m.org()), rules, off, SETTINGS), e -> {});
    }

    private static Rule capRule(Effect cap, String topic) {
        return new Rule("r-" + cap, "cap " + topic + " at " + cap, RuleScope.ORG, null, cap, Set.of(topic), List.of());
    }

    static Stream<Arguments> everyCombination() {
        var args = new ArrayList<Arguments>();
        for (Effect rules : Effect.values()) {
            for (Effect fga : Effect.values()) {
                for (boolean toggledOff : new boolean[] {false, true}) {
                    args.add(Arguments.of(rules, fga, toggledOff));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "rules {0}, fga {1}, toggled off {2}")
    @MethodSource("everyCombination")
    void most_restrictive_layer_wins_and_the_first_layer_with_that_effect_decides(
            Effect rules, Effect role, boolean toggledOff) {
        var matrix = new MatrixRelationshipCheck().allow(JAE.email(), "acme", "product", role);
        List<Rule> ruleList = rules == Effect.AUTO ? List.of() : List.of(capRule(rules, "product"));
        Set<String> off = toggledOff ? Set.of("product") : Set.of();

        Decision d = new PolicyDecider(matrix)
                .decide(
                        new DecisionRequest(
                                JAE,
                                "how does it work",
                                question("product", 0.9),
                                catalog("acme"),
                                ruleList,
                                off,
                                SETTINGS),
                        e -> {});

        Effect toggles = toggledOff ? Effect.APPROVE : Effect.AUTO;
        Effect expected = rules.and(role).and(toggles);
        assertEquals(expected.name(), d.outcome().name());
        Layer expectedLayer = expected == Effect.AUTO
                ? Layer.FGA
                : rules == expected ? Layer.RULES : role == expected ? Layer.FGA : Layer.TOGGLES;
        assertEquals(expectedLayer, d.layer());
        assertEquals(expected != Effect.DENY, d.generationAllowed());
        if (rules == Effect.DENY) {
            assertTrue(
                    d.trace().stream().filter(t -> t.layer() != Layer.RULES).allMatch(TraceEntry::isSkipped),
                    "layers after a DENY are skipped: " + d.trace());
        } else if (role == Effect.DENY) {
            assertTrue(
                    d.trace().stream().filter(t -> t.layer() == Layer.TOGGLES).allMatch(TraceEntry::isSkipped));
        } else {
            assertTrue(d.trace().stream().noneMatch(TraceEntry::isSkipped));
        }
    }

    @Test
    void not_a_question_is_none_without_asking_fga() {
        Decision d = decide(JAE, "thanks everyone", new Classification(false, 0.9, List.of()), List.of(), Set.of());
        assertEquals(Outcome.NONE, d.outcome());
        assertEquals(Layer.NONE, d.layer());
        assertFalse(d.generationAllowed());
        assertEquals(0, fga.calls.get());
    }

    @Test
    void junior_ae_is_refused_pricing_by_fga() {
        Decision d = decide(JAE, "what does it cost", question("pricing", 0.95), List.of(), Set.of());
        assertEquals(Outcome.DENY, d.outcome());
        assertEquals(Layer.FGA, d.layer());
        assertEquals("pricing", d.topic());
        assertTrue(d.reason().contains("may not answer pricing"), d.reason());
    }

    @Test
    void low_confidence_is_at_most_approve_decided_by_the_classifier_and_drafts_nothing() {
        Decision d = decide(JAE, "hmm", question("product", 0.3), List.of(), Set.of());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(Layer.CLASSIFIER, d.layer());
        assertTrue(d.unsure());
        assertFalse(d.generationAllowed(), "unsure: nothing drafted or pushed until the user asks for a draft");
    }

    @Test
    void low_confidence_keeps_a_deny_of_a_plausible_topic() {
        Decision d = decide(JAE, "hmm", question("product", 0.35, "pricing", 0.3), List.of(), Set.of());
        assertEquals(Outcome.DENY, d.outcome());
        assertEquals(Layer.CLASSIFIER, d.layer());
        assertEquals("pricing", d.topic());
        assertFalse(d.generationAllowed());
    }

    @Test
    void unknown_topic_is_held_without_generation() {
        Decision d = decide(JAE, "what about the thing", question("weather", 0.9), List.of(), Set.of());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(Layer.CLASSIFIER, d.layer());
        assertFalse(d.generationAllowed());
    }

    @Test
    void the_most_restrictive_plausible_topic_decides() {
        Decision d = decide(JAE, "sso with okta?", question("product", 0.62, "security", 0.58), List.of(), Set.of());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals("security", d.topic());
        assertEquals(Layer.FGA, d.layer());
    }

    @Test
    void a_topic_outside_the_margin_is_not_plausible() {
        Decision d = decide(JAE, "how does it work", question("product", 0.8, "pricing", 0.6), List.of(), Set.of());
        assertEquals(Outcome.AUTO, d.outcome());
        assertEquals("product", d.topic());
    }

    @Test
    void on_a_tie_the_more_likely_topic_is_named() {
        Decision d = decide(AE, "x", question("security", 0.7, "competitors", 0.68), List.of(), Set.of());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals("security", d.topic());
    }

    @Test
    void fga_unavailable_is_never_auto_and_generates_nothing() {
        fga.down(true);
        Decision d = decide(JAE, "how does it work", question("product", 0.95), List.of(), Set.of());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertNotEquals(Outcome.AUTO, d.outcome());
        assertFalse(d.generationAllowed());
        assertTrue(d.reason().contains("authorization unavailable"), d.reason());
    }

    @Test
    void fga_unavailable_still_honours_a_rule_deny() {
        fga.down(true);
        Decision d = decide(
                JAE, "salaries?", question("personnel", 0.95), List.of(capRule(Effect.DENY, "personnel")), Set.of());
        assertEquals(Outcome.DENY, d.outcome());
        assertEquals(Layer.RULES, d.layer());
    }

    @Test
    void rules_apply_only_to_their_role_or_user() {
        var forAe = new Rule(
                "r1", "ae must ask", RuleScope.ROLE, "account_executive", Effect.APPROVE, Set.of("product"), List.of());
        var forSomeoneElse =
                new Rule("r2", "x must ask", RuleScope.USER, "x@acme.test", Effect.DENY, Set.of("product"), List.of());
        assertEquals(
                Outcome.AUTO,
                decide(JAE, "q", question("product", 0.9), List.of(forAe, forSomeoneElse), Set.of())
                        .outcome());
        assertEquals(
                Outcome.APPROVE,
                decide(AE, "q", question("product", 0.9), List.of(forAe, forSomeoneElse), Set.of())
                        .outcome());
    }

    @Test
    void a_phrase_rule_caps_whatever_the_topic() {
        var references = new Rule(
                "refs",
                "no references without approval",
                RuleScope.ORG,
                null,
                Effect.APPROVE,
                Set.of(),
                Fixtures.phrases("\\breferences?\\b"));
        Decision d = decide(
                JAE, "could we talk to a reference customer", question("product", 0.9), List.of(references), Set.of());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(Layer.RULES, d.layer());
    }

    @Test
    void rules_and_toggles_never_raise_above_the_role() {
        var allow = new Rule("r", "auto", RuleScope.ORG, null, Effect.AUTO, Set.of("security"), List.of());
        Decision d = decide(JAE, "q", question("security", 0.9), List.of(allow), Set.of());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(Layer.FGA, d.layer());
    }

    @Test
    void organisations_do_not_share_permissions() {
        Decision acme = decide(JAE, "price?", question("pricing", 0.9), List.of(), Set.of());
        Decision globex = decide(Fixtures.SAM_GLOBEX, "price?", question("pricing", 0.9), List.of(), Set.of());
        assertEquals(Outcome.DENY, acme.outcome());
        assertEquals(Outcome.AUTO, globex.outcome());
    }

    @Test
    void each_layer_reports_a_timed_flow_event_in_order() {
        var events = new ArrayList<FlowEvent>();
        decider.decide(
                new DecisionRequest(JAE, "q", question("product", 0.9), catalog("acme"), List.of(), Set.of(), SETTINGS),
                events::add);
        assertEquals(
                List.of(FlowStep.RULES, FlowStep.FGA, FlowStep.TOGGLES, FlowStep.DECISION),
                events.stream().map(FlowEvent::step).toList());
        assertTrue(events.stream().allMatch(e -> e.millis() >= 0));
    }

    @Test
    void a_denied_chunk_reports_later_layers_as_skipped() {
        var events = new ArrayList<FlowEvent>();
        decider.decide(
                new DecisionRequest(JAE, "q", question("pricing", 0.9), catalog("acme"), List.of(), Set.of(), SETTINGS),
                events::add);
        assertEquals(Boolean.TRUE, events.get(2).detail().get("skipped"));
    }
}
