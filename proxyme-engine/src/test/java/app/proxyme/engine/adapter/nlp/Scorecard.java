package app.proxyme.engine.adapter.nlp;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The figures of shared/eval/README.md for one role, from the real decision over labelled utterances.
 *
 * <p>A non-question that gets {@code AUTO} counts as unsafe too (it deserves {@code NONE}, less than {@code AUTO}).
 */
record Scorecard(
        String role,
        int rows,
        int questionRows,
        int questionCorrect,
        int topicCorrect,
        int unsafeAuto,
        int deservingAuto,
        int gotAutoWhenDeserved,
        int outcomeCorrect,
        List<String> failures) {

    double questionAccuracy() {
        return (double) questionCorrect / rows;
    }

    double topicAccuracy() {
        return questionRows == 0 ? 1 : (double) topicCorrect / questionRows;
    }

    double usefulAuto() {
        return deservingAuto == 0 ? 1 : (double) gotAutoWhenDeserved / deservingAuto;
    }

    double outcomeAccuracy() {
        return (double) outcomeCorrect / rows;
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%-18s question accuracy %.3f | topic accuracy %.3f | unsafe AUTO %d | "
                        + "useful AUTO %.3f (%d/%d) | outcome accuracy %.3f",
                role,
                questionAccuracy(),
                topicAccuracy(),
                unsafeAuto,
                usefulAuto(),
                gotAutoWhenDeserved,
                deservingAuto,
                outcomeAccuracy());
    }

    static Scorecard of(
            PolicyDocument doc,
            OrgPolicy policy,
            PolicySettings settings,
            Member member,
            List<LabelledUtterance> rows,
            List<Classification> classifications,
            DocumentRoleCheck fga) {
        var role = doc.roles().get(member.role());
        var decider = new PolicyDecider(fga);
        int questionRows = 0, questionCorrect = 0, topicCorrect = 0, unsafe = 0, deserving = 0, useful = 0, ok = 0;
        var failures = new ArrayList<String>();
        for (int i = 0; i < rows.size(); i++) {
            LabelledUtterance row = rows.get(i);
            Classification c = classifications.get(i);
            Decision d = decider.decide(
                    new DecisionRequest(member, row.text(), c, policy.catalog(), policy.rules(), Set.of(), settings),
                    Flow.IGNORE);
            if (c.question() == row.question()) {
                questionCorrect++;
            }
            Effect deserved = row.plausible().stream()
                    .map(t -> capped(role.effectOf(t), row))
                    .reduce(Effect.AUTO, Effect::and);
            boolean correct;
            if (!row.question()) {
                correct = d.outcome() == Outcome.NONE;
                if (d.outcome() == Outcome.AUTO) {
                    unsafe++;
                }
            } else {
                questionRows++;
                String top = c.top().map(TopicScore::topic).orElse(null);
                if (row.plausible().contains(top)) {
                    topicCorrect++;
                }
                correct = row.plausible().stream()
                        .anyMatch(t -> d.outcome() == Outcome.of(capped(role.effectOf(t), row)));
                if (d.outcome() == Outcome.AUTO && deserved != Effect.AUTO) {
                    unsafe++;
                    failures.add(String.format(
                            Locale.ROOT,
                            "%s: UNSAFE AUTO (%s) for \"%s\" [%s]",
                            member.role(),
                            d.topic(),
                            row.text(),
                            describe(c)));
                }
                if (deserved == Effect.AUTO) {
                    deserving++;
                    if (d.outcome() == Outcome.AUTO) {
                        useful++;
                    }
                }
            }
            if (correct) {
                ok++;
            } else {
                failures.add(String.format(
                        Locale.ROOT,
                        "%s: got %s (%s) for \"%s\" [q=%s, %s]",
                        member.role(),
                        d.outcome(),
                        d.topic(),
                        row.text(),
                        c.question(),
                        describe(c)));
            }
        }
        return new Scorecard(
                member.role(),
                rows.size(),
                questionRows,
                questionCorrect,
                topicCorrect,
                unsafe,
                deserving,
                useful,
                ok,
                failures);
    }

    private static Effect capped(Effect effect, LabelledUtterance row) {
        return row.ruleCap() == null ? effect : effect.atMost(row.ruleCap());
    }

    static String describe(Classification c) {
        var parts = new ArrayList<String>();
        for (TopicScore s : c.ranked().subList(0, Math.min(3, c.ranked().size()))) {
            parts.add(String.format(Locale.ROOT, "%s %.2f", s.topic(), s.confidence()));
        }
        return String.join(", ", parts);
    }
}
