package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.flow.Flow;
import app.proxyme.domain.layers.DecisionRequest;
import app.proxyme.domain.layers.PolicyDecider;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.engine.testsupport.Prerequisites;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Approval fatigue on real meetings (issue 14): 1,500 turns of {@code ../shared/data/meetings/utterances.jsonl} (internal
 * meetings, not sales calls: almost nothing in them is a customer's question for our side), taken at an even stride
 * over the turns of 4–3,900 characters, decided for an account executive with the local classifier and the real
 * decider. Prints how many per 100 turns are taken as questions, become approval requests decided by a layer, are
 * unsure (held, nothing drafted or pushed), or denied. It fails when the rates grow past what was measured on
 * 2026-12-03 (a regression guard). {@code PROXYME_FATIGUE_SHOW=1} prints every turn that is not {@code NONE}.
 */
class ApprovalFatigueTest {
    static final int TURNS = 1_500;
    /**
     * Measured 2026-12-03 with the defaults: 2.5 requests and 4.9 unsure per 100 (the targets are 2 and 5; before
     * questions near no topic became none for our side and the calibration was softened, 4.4 and 5.7); the guard allows
     * a little above, so that a change that makes it worse fails.
     */
    static final double MAX_REQUESTS_PER_100 = 2.9;

    static final double MAX_UNSURE_PER_100 = 5.0;

    record Rates(double questions, double requests, double unsure, double denied, double auto) {
        String line() {
            return String.format(
                    "per 100 turns: questions %.1f, approval requests %.1f, unsure %.1f, denied %.1f, auto %.1f",
                    questions, requests, unsure, denied, auto);
        }
    }

    @Test
    void few_turns_of_real_meetings_become_approvals_or_unsure_chunks() throws Exception {
        Path file = Prerequisites.sharedFile("data/meetings/utterances.jsonl");
        List<String> turns = evenStride(file);
        assertEquals(TURNS, turns.size());

        var fixture = new EvaluationFixture();
        OrgPolicy policy = fixture.policy(PolicySettings.DEFAULTS);
        var settings = fixture.doc.settings(PolicySettings.DEFAULTS);
        Member ae = fixture.memberOf("account_executive");
        var decider = new PolicyDecider(fixture.fga);
        var classifier = new LocalTopicClassifier();
        int questions = 0, requests = 0, unsure = 0, denied = 0, auto = 0;
        for (String text : turns) {
            Classification c = classifier.classify(policy.catalog(), text);
            Decision d = decider.decide(
                    new DecisionRequest(ae, text, c, policy.catalog(), policy.rules(), Set.of(), settings),
                    Flow.IGNORE);
            if (c.question()) {
                questions++;
            }
            if (System.getenv("PROXYME_FATIGUE_SHOW") != null && d.outcome() != Outcome.NONE) {
                System.out.printf(
                        "%-8s %-10s %-12s %.2f | %s%n",
                        d.outcome(),
                        d.layer().wire(),
                        c.top().map(t -> t.topic()).orElse("-"),
                        c.top().map(t -> t.confidence()).orElse(0.0),
                        text.length() > 140 ? text.substring(0, 140) : text);
            }
            switch (d.outcome()) {
                case APPROVE -> {
                    if (d.layer() == Layer.CLASSIFIER) {
                        unsure++;
                    } else {
                        requests++;
                    }
                }
                case DENY -> denied++;
                case AUTO -> auto++;
                case NONE -> {}
            }
        }
        double per100 = 100.0 / TURNS;
        var rates = new Rates(questions * per100, requests * per100, unsure * per100, denied * per100, auto * per100);
        System.out.println("approval fatigue, account executive, " + TURNS + " real meeting turns: " + rates.line());
        assertTrue(rates.requests() <= MAX_REQUESTS_PER_100, rates.line());
        assertTrue(rates.unsure() <= MAX_UNSURE_PER_100, rates.line());
    }

    /** {@link #TURNS} turns of 4–3,900 characters, at an even stride over the file. */
    static List<String> evenStride(Path file) throws Exception {
        var json = new ObjectMapper();
        var all = new ArrayList<String>();
        for (String line : Files.readAllLines(file)) {
            String text = json.readTree(line).path("text").asText("");
            if (text.length() >= 4 && text.length() <= 3_900) {
                all.add(text);
            }
        }
        var picked = new ArrayList<String>();
        double stride = (double) all.size() / TURNS;
        for (int i = 0; i < TURNS; i++) {
            picked.add(all.get((int) (i * stride)));
        }
        return picked;
    }
}
