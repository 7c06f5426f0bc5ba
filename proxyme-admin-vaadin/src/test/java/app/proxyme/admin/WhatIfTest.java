package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatIfTest {
    private static final PolicyOverview POLICY = new PolicyOverview(
            "acme",
            List.of(new Topic("pricing", "", null, null), new Topic("personnel", "", null, null)),
            List.of(new RoleEntry("account_executive", List.of(), List.of("pricing"), List.of("personnel"))),
            List.of(new MemberEntry("ae@acme.test", "account_executive", null, null)),
            List.of(new RuleEntry(
                    "no-personnel",
                    "Never discuss employee compensation",
                    RuleScope.ORG,
                    null,
                    true,
                    Effect.DENY,
                    List.of("personnel"),
                    List.of("\\bsalar(y|ies)\\b"),
                    List.of())));

    @Test
    void a_role_capped_at_approve_would_answer_on_its_own_with_auto() {
        var decision = decision(
                "pricing",
                Outcome.APPROVE,
                Layer.FGA,
                new TraceEntry(Layer.RULES, Effect.AUTO, "pricing", "no rule matched"),
                new TraceEntry(Layer.FGA, Effect.APPROVE, "pricing", "role account_executive may answer pricing"));

        var lines = WhatIf.of(decision, "account_executive", POLICY, "what discount can you give");

        assertEquals(
                "It would be answered on its own if role account_executive had AUTO on pricing (Roles; now APPROVE)",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("Never answered if role account_executive had DENY on pricing"));
    }

    @Test
    void a_rule_that_refused_is_named_with_what_it_matched() {
        var decision = decision(
                "personnel",
                Outcome.DENY,
                Layer.RULES,
                new TraceEntry(
                        Layer.RULES,
                        Effect.DENY,
                        "personnel",
                        "rule no-personnel: \"Never discuss employee compensation\""),
                TraceEntry.skipped(Layer.FGA, "personnel", "not evaluated"));

        var lines = WhatIf.of(decision, "account_executive", POLICY, "what salary does your PM get");

        assertEquals(
                "Denied because rule no-personnel matches 'salary': without it (disable it under Rules) it would"
                        + " still be denied",
                lines.get(0));
        assertTrue(lines.contains(
                "It would still be denied if role account_executive had AUTO on personnel (Roles; now DENY)"));
    }

    @Test
    void no_question_and_no_topic_say_so() {
        var none = new Decision(false, null, 0, Outcome.NONE, Layer.NONE, "not a question for us", List.of(), false);
        assertTrue(WhatIf.of(none, "account_executive", POLICY, "nice weather")
                .get(0)
                .startsWith("Not read as a question"));
        var unknown =
                new Decision(true, null, 0.2, Outcome.APPROVE, Layer.CLASSIFIER, "topic unknown", List.of(), false);
        assertTrue(WhatIf.of(unknown, "account_executive", POLICY, "what about it")
                .get(0)
                .startsWith("No topic of the catalogue fits"));
    }

    private static Decision decision(String topic, Outcome outcome, Layer layer, TraceEntry... trace) {
        return new Decision(true, topic, 0.9, outcome, layer, "", List.of(trace), false);
    }
}
