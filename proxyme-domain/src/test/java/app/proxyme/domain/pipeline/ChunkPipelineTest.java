package app.proxyme.domain.pipeline;

import static app.proxyme.domain.fakes.Fixtures.AE;
import static app.proxyme.domain.fakes.Fixtures.JAE;
import static app.proxyme.domain.fakes.Fixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.Layer;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.fakes.TestWorld;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.flow.FlowStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPipelineTest {
    private final TestWorld world = new TestWorld();
    private final TestWorld.Recorder out = new TestWorld.Recorder(world.audit);

    private Chunk chunk(String text) {
        return new Chunk("acme", "m1", 7, "Dana (customer)", text);
    }

    @Test
    void an_unsure_chunk_is_drafted_on_request_and_held_for_approval_once() {
        world.classifications.put("what about the other thing", question("product", 0.3));
        world.classifications.put("Here is our answer to: what about the other thing", question("product", 0.9));
        world.generator = q -> "Here is our answer to: " + q;
        var decided =
                world.handle(JAE, chunk("what about the other thing"), out).decision();
        assertTrue(decided.unsure(), decided.toString());
        assertTrue(out.suggestions.isEmpty(), "nothing drafted while unsure");

        var drafted = world.pipeline().draft(JAE, "m1", 7, out);

        var suggestion = ((app.proxyme.domain.chunk.ChunkResult.Suggested) drafted).suggestion();
        assertEquals(
                SuggestionStatus.PENDING_APPROVAL, suggestion.status(), "held, although product is AUTO for the role");
        assertEquals("Here is our answer to: what about the other thing", suggestion.text());
        assertEquals(1, world.stepUp.requests.size(), "pushed for approval as usual");
        var again = assertThrows(
                app.proxyme.domain.DomainException.class, () -> world.pipeline().draft(JAE, "m1", 7, out));
        assertEquals(app.proxyme.domain.DomainException.Kind.CONFLICT, again.kind());
    }

    @Test
    void deciding_records_and_reports_the_decision_and_leaves_the_answer_it_allows_to_be_drafted_later() {
        world.classifications.put("how does the api work", question("product", 0.9));
        world.classifications.put("Here is our answer to: how does the api work", question("product", 0.9));
        var pipeline = world.pipeline();
        pipeline.accept(JAE, chunk("how does the api work"));

        var pending = pipeline.decide(JAE, chunk("how does the api work"), out).orElseThrow();

        assertEquals(Outcome.AUTO, pending.decision().outcome());
        assertEquals(List.of("chunk", "decision"), world.audit.types(), "nothing drafted in the lane");
        assertEquals(1, out.decisions.size());
        assertEquals(0, world.generated);

        var answered = pipeline.answer(pending, out);

        assertEquals(
                SuggestionStatus.AUTO,
                ((ChunkResult.Suggested) answered).suggestion().status());
        assertEquals(List.of("chunk", "decision", "token", "suggestion"), world.audit.types());
    }

    @Test
    void an_answer_given_up_is_recorded_as_failed_before_it_is_reported_and_a_denial_leaves_nothing_to_draft() {
        world.classifications.put("how does the api work", question("product", 0.9));
        world.classifications.put("price?", question("pricing", 0.9));
        var pipeline = world.pipeline();
        var pending = pipeline.decide(JAE, chunk("how does the api work"), out).orElseThrow();

        var dropped = pipeline.dropAnswer(pending, "too many answers wait", out);

        assertEquals(new ChunkResult.SuggestionFailed(pending.decision(), "too many answers wait"), dropped);
        assertEquals(List.of("decision", "suggestion_failed"), world.audit.types());
        assertEquals(List.of("too many answers wait"), out.failures);
        assertTrue(
                pipeline.decide(JAE, new Chunk("acme", "m1", 8, "", "price?"), out)
                        .isEmpty(),
                "DENY");
        assertEquals(0, world.generated);
    }

    @Test
    void only_an_unsure_chunk_of_ones_own_is_drafted_on_request() {
        world.classifications.put("price?", question("pricing", 0.9));
        world.handle(JAE, chunk("price?"), out);

        var confident = assertThrows(
                app.proxyme.domain.DomainException.class, () -> world.pipeline().draft(JAE, "m1", 7, out));
        assertEquals(app.proxyme.domain.DomainException.Kind.CONFLICT, confident.kind());
        var someoneElses = assertThrows(
                app.proxyme.domain.DomainException.class, () -> world.pipeline().draft(AE, "m1", 7, out));
        assertEquals(app.proxyme.domain.DomainException.Kind.NOT_FOUND, someoneElses.kind());
        var unknown = assertThrows(
                app.proxyme.domain.DomainException.class, () -> world.pipeline().draft(JAE, "m1", 99, out));
        assertEquals(app.proxyme.domain.DomainException.Kind.NOT_FOUND, unknown.kind());
    }

    @Test
    void an_accepted_chunk_is_recorded_before_anything_is_decided_and_its_decision_follows() {
        world.classifications.put("price?", question("pricing", 0.9));
        var pipeline = world.pipeline();

        pipeline.accept(JAE, chunk("price?"));
        assertEquals(List.of("chunk"), world.audit.types(), "durable before the ack; nothing decided yet");

        pipeline.process(JAE, chunk("price?"), out);
        assertEquals(List.of("chunk", "decision"), world.audit.types(), "processing records the decision only");
    }

    @Test
    void a_chunk_whose_event_cannot_be_recorded_is_not_accepted() {
        world.audit.failOn(app.proxyme.domain.audit.AuditType.CHUNK);

        var e = assertThrows(
                app.proxyme.domain.DependencyUnavailableException.class,
                () -> world.pipeline().accept(JAE, chunk("price?")));

        assertEquals("audit", e.dependency());
        assertEquals(List.of(), world.audit.types());
        assertThrows(
                IllegalArgumentException.class,
                () -> world.pipeline().accept(JAE, new Chunk("globex", "m1", 1, "", "hi")),
                "another organisation's chunk");
    }

    @Test
    void auto_question_gets_an_auto_suggestion_at_once() {
        world.classifications.put("how does the api work", question("product", 0.9));
        world.classifications.put("Here is our answer to: how does the api work", question("product", 0.9));

        var d = world.handle(JAE, chunk("how does the api work"), out).decision();

        assertEquals(Outcome.AUTO, d.outcome());
        assertEquals(1, out.suggestions.size());
        assertEquals(SuggestionStatus.AUTO, out.suggestions.get(0).status());
        assertEquals(List.of("chunk", "decision", "token", "suggestion"), world.audit.types());
        assertEquals(
                List.of(
                        FlowStep.TOKEN_VAULT,
                        FlowStep.CLASSIFY,
                        FlowStep.RULES,
                        FlowStep.FGA,
                        FlowStep.TOGGLES,
                        FlowStep.DECISION,
                        FlowStep.AUDIT,
                        FlowStep.TOKEN_VAULT,
                        FlowStep.GENERATE,
                        FlowStep.OUTPUT_CHECK,
                        FlowStep.AUDIT),
                out.flows.stream().map(FlowEvent::step).toList());
    }

    @Test
    void the_decision_is_recorded_before_it_is_shown() {
        world.classifications.put("price?", question("pricing", 0.9));
        world.handle(JAE, chunk("price?"), out);
        assertEquals(List.of(2), out.auditSizeAtDecision);
    }

    @Test
    void approve_question_is_held_with_a_deadline_and_a_step_up_request() {
        world.classifications.put("is it soc 2", question("security", 0.9));
        world.classifications.put("Here is our answer to: is it soc 2", question("security", 0.9));

        world.handle(JAE, chunk("is it soc 2"), out);

        var s = out.suggestions.get(0);
        assertEquals(SuggestionStatus.PENDING_APPROVAL, s.status());
        assertEquals(ApprovalStatus.PENDING, s.approvalStatus());
        assertEquals(world.now.plusSeconds(120), s.expiresAt());
        var bindings = world.stepUp.bindingMessages();
        assertEquals(1, bindings.size());
        assertTrue(bindings.get(0).startsWith("Approve:security:"), bindings.get(0));
        assertTrue(bindings.get(0).length() <= 64);
        assertTrue(world.audit.types().contains("approval_requested"));
    }

    @Test
    void denied_question_generates_nothing() {
        world.classifications.put("price?", question("pricing", 0.9));
        var d = world.handle(JAE, chunk("price?"), out).decision();
        assertEquals(Outcome.DENY, d.outcome());
        assertEquals(0, world.generated);
        assertTrue(out.suggestions.isEmpty());
        assertEquals(List.of("chunk", "decision"), world.audit.types());
    }

    @Test
    void a_statement_is_none_and_recorded() {
        world.classifications.put("thanks all", new Classification(false, 0.9, List.of()));
        var d = world.handle(JAE, chunk("thanks all"), out).decision();
        assertEquals(Outcome.NONE, d.outcome());
        assertEquals(List.of("chunk", "decision"), world.audit.types());
    }

    @Test
    void classifier_down_fails_closed_with_a_reason() {
        world.classifierDown = true;
        var d = world.handle(JAE, chunk("anything"), out).decision();
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(Layer.CLASSIFIER, d.layer());
        assertTrue(d.reason().contains("classifier unavailable"));
        assertTrue(out.suggestions.isEmpty());
    }

    @Test
    void a_classification_answered_by_a_fallback_says_so_in_the_classify_flow_event() {
        world.classifications.put("price?", question("pricing", 0.9).answeredBy("local"));
        world.classifications.put("discount?", question("pricing", 0.9));

        world.handle(JAE, chunk("price?"), out);
        world.handle(JAE, chunk("discount?"), out);

        var classified =
                out.flows.stream().filter(f -> f.step() == FlowStep.CLASSIFY).toList();
        assertEquals("local", classified.get(0).detail().get("fallback"));
        assertEquals("pricing", classified.get(0).detail().get("topic"));
        assertEquals(false, classified.get(1).detail().containsKey("fallback"), "the configured one answered");
    }

    @Test
    void vault_down_is_never_auto_and_says_why() {
        world.vault.down(true);
        world.classifications.put("how does it work", question("product", 0.9));
        var d = world.handle(JAE, chunk("how does it work"), out).decision();
        assertEquals(Outcome.APPROVE, d.outcome());
        assertTrue(d.reason().contains("token vault unavailable"), d.reason());
        assertTrue(out.suggestions.isEmpty());
        assertEquals(0, world.generated);
    }

    @Test
    void a_failed_generation_ends_visibly_and_audited() {
        world.generator = q -> {
            throw new app.proxyme.domain.DependencyUnavailableException("generator", "down");
        };
        world.classifications.put("how does it work", question("product", 0.9));

        var result = world.handle(JAE, chunk("how does it work"), out);

        var failed = org.junit.jupiter.api.Assertions.assertInstanceOf(ChunkResult.SuggestionFailed.class, result);
        assertTrue(failed.reason().contains("generator is unavailable"), failed.reason());
        assertEquals(List.of(failed.reason()), out.failures);
        assertTrue(out.suggestions.isEmpty());
        var last = world.audit.records.get(world.audit.records.size() - 1);
        assertEquals(
                app.proxyme.domain.audit.AuditType.SUGGESTION_FAILED,
                last.entry().type());
    }

    @Test
    void fga_down_generates_no_suggestion() {
        world.fga.down(true);
        world.classifications.put("how does it work", question("product", 0.9));
        var d = world.handle(JAE, chunk("how does it work"), out).decision();
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(0, world.generated);
    }

    @Test
    void output_check_lowers_an_answer_that_strays_into_a_denied_topic() {
        world.classifications.put("how does it work", question("product", 0.9));
        world.generator = q -> "It is 40 dollars a seat";
        world.classifications.put("It is 40 dollars a seat", question("pricing", 0.9));

        var d = world.handle(JAE, chunk("how does it work"), out).decision();

        assertEquals(Outcome.DENY, d.outcome());
        assertEquals(Layer.OUTPUT_CHECK, d.layer());
        assertEquals(2, out.decisions.size());
        assertTrue(out.suggestions.isEmpty(), "no suggestion above the latest decision");
    }

    @Test
    void output_check_keeps_every_lowering_in_the_trace() {
        world.classifications.put("how does it work", question("product", 0.9));
        world.generator = q -> "SOC 2 and 40 dollars a seat";
        world.classifications.put("SOC 2 and 40 dollars a seat", question("security", 0.6, "pricing", 0.55));

        var d = world.handle(JAE, chunk("how does it work"), out).decision();

        assertEquals(Outcome.DENY, d.outcome());
        assertEquals(
                List.of("security", "pricing"),
                d.trace().stream()
                        .filter(t -> t.layer() == Layer.OUTPUT_CHECK)
                        .map(t -> t.topic())
                        .toList());
    }

    @Test
    void output_check_holds_an_answer_that_strays_into_an_approve_topic() {
        world.classifications.put("how does it work", question("product", 0.9));
        world.generator = q -> "We are SOC 2 certified";
        world.classifications.put("We are SOC 2 certified", question("security", 0.9));

        world.handle(JAE, chunk("how does it work"), out);

        assertEquals(Outcome.APPROVE, out.decisions.get(1).outcome());
        assertEquals(SuggestionStatus.PENDING_APPROVAL, out.suggestions.get(0).status());
    }

    @Test
    void output_check_counts_an_unsure_answer_topic_at_most_approve_instead_of_dropping_it() {
        world.classifications.put("how does it work", question("product", 0.9));
        world.generator = q -> "Data is encrypted on the annual plan";
        // A statement ranked below the threshold (0.5), on security (APPROVE for junior_ae): not dropped.
        world.classifications.put(
                "Data is encrypted on the annual plan",
                new Classification(
                        false, 0.9, List.of(new TopicScore("security", 0.45), new TopicScore("product", 0.4))));

        world.handle(JAE, chunk("how does it work"), out);

        var checked = out.decisions.get(out.decisions.size() - 1);
        assertEquals(Outcome.APPROVE, checked.outcome(), checked.toString());
        assertEquals(Layer.OUTPUT_CHECK, checked.layer());
        assertTrue(checked.reason().startsWith("unsure what the proposed answer is about"), checked.reason());
        assertEquals(SuggestionStatus.PENDING_APPROVAL, out.suggestions.get(0).status());
    }

    @Test
    void an_answer_unclear_on_its_own_is_read_as_the_reply_to_its_question() {
        world.classifications.put("can the dashboards be filtered by region", question("product", 0.9));
        world.generator = q -> "Yes, that's built in.";
        world.classifications.put(
                "Yes, that's built in.",
                new Classification(
                        false, 0.9, List.of(new TopicScore("smalltalk", 0.3), new TopicScore("product", 0.2))));
        world.classifications.put(
                "can the dashboards be filtered by region\nYes, that's built in.",
                new Classification(false, 0.9, List.of(new TopicScore("product", 0.8))));

        world.handle(JAE, chunk("can the dashboards be filtered by region"), out);

        assertEquals(Outcome.AUTO, out.decisions.get(out.decisions.size() - 1).outcome(), out.decisions.toString());
        assertEquals(SuggestionStatus.AUTO, out.suggestions.get(0).status());
    }

    @Test
    void an_answer_confidently_in_a_denied_topic_is_lowered_whatever_the_question_made_of_it() {
        world.classifications.put("how does it work", question("product", 0.9));
        world.generator = q -> "Seats cost forty dollars a month";
        world.classifications.put(
                "Seats cost forty dollars a month",
                new Classification(false, 0.9, List.of(new TopicScore("pricing", 0.85))));
        world.classifications.put(
                "how does it work\nSeats cost forty dollars a month",
                new Classification(false, 0.9, List.of(new TopicScore("product", 0.9))));

        world.handle(JAE, chunk("how does it work"), out);

        var checked = out.decisions.get(out.decisions.size() - 1);
        assertEquals(Outcome.DENY, checked.outcome(), checked.toString());
        assertEquals(Layer.OUTPUT_CHECK, checked.layer());
    }

    @Test
    void output_check_still_refuses_an_unsure_answer_plausibly_in_a_topic_the_role_may_not_answer() {
        // junior_ae: pricing DENY. Unsure caps at APPROVE from above; a DENY stays a DENY, as for a chunk.
        world.classifications.put("how does it work", question("product", 0.9));
        world.generator = q -> "Seats are cheaper on the annual plan";
        world.classifications.put(
                "Seats are cheaper on the annual plan",
                new Classification(
                        false, 0.9, List.of(new TopicScore("product", 0.45), new TopicScore("pricing", 0.4))));

        var d = world.handle(JAE, chunk("how does it work"), out).decision();

        assertEquals(Outcome.DENY, d.outcome(), d.toString());
        assertEquals(Layer.OUTPUT_CHECK, d.layer());
        assertTrue(out.suggestions.isEmpty());
    }

    @Test
    void output_check_refuses_an_answer_one_sentence_of_which_strays_into_a_denied_topic() {
        world.classifications.put("how does it work", question("product", 0.9));
        String answer = "It syncs both ways with your CRM. The standard plan is 40 dollars a seat.";
        world.generator = q -> answer;
        // As a whole the answer reads as product; its second sentence alone is plainly about pricing.
        world.classifications.put(answer, question("product", 0.8, "pricing", 0.2));
        world.classifications.put("It syncs both ways with your CRM.", question("product", 0.95));
        world.classifications.put("The standard plan is 40 dollars a seat.", question("pricing", 0.9));

        var d = world.handle(JAE, chunk("how does it work"), out).decision();

        assertEquals(Outcome.DENY, d.outcome(), d.toString());
        assertEquals(Layer.OUTPUT_CHECK, d.layer());
        assertEquals("the proposed answer strays into pricing: refused", d.reason());
        assertTrue(out.suggestions.isEmpty());
    }

    @Test
    void a_classifier_failing_midway_through_the_output_check_keeps_what_was_lowered() {
        world.classifications.put("how does it work", question("product", 0.9));
        String answer = "The standard plan is 40 dollars a seat. It syncs both ways with your CRM.";
        world.generator = q -> answer;
        world.classifications.put(answer, question("pricing", 0.9));
        world.classifications.put("The standard plan is 40 dollars a seat.", question("pricing", 0.9));
        world.classifierFailsOn.add("It syncs both ways with your CRM.");

        var d = world.handle(JAE, chunk("how does it work"), out).decision();

        assertEquals(Outcome.DENY, d.outcome(), d.toString());
        assertTrue(out.suggestions.isEmpty());
    }

    @Test
    void output_check_leaves_a_sentence_that_says_little_to_the_answer_as_a_whole() {
        world.classifications.put("how does it work", question("product", 0.9));
        String answer = "Yes, that's built in. It syncs both ways with your CRM.";
        world.generator = q -> answer;
        world.classifications.put(answer, question("product", 0.9));
        // Unsure of a short sentence: not a reason to lower an answer that is confidently about product.
        world.classifications.put("Yes, that's built in.", question("personnel", 0.4, "product", 0.3));
        world.classifications.put("It syncs both ways with your CRM.", question("product", 0.95));

        var d = world.handle(JAE, chunk("how does it work"), out).decision();

        assertEquals(Outcome.AUTO, d.outcome(), d.toString());
        assertEquals(SuggestionStatus.AUTO, out.suggestions.get(0).status());
    }

    @Test
    void output_check_holds_an_answer_no_topic_fits() {
        world.classifications.put("how does it work", question("product", 0.9));
        world.generator = q -> "Hmm";
        world.classifications.put("Hmm", new Classification(false, 0.9, List.of()));

        world.handle(JAE, chunk("how does it work"), out);

        assertEquals(Outcome.APPROVE, out.decisions.get(1).outcome());
        assertEquals(Layer.OUTPUT_CHECK, out.decisions.get(1).layer());
        assertEquals(SuggestionStatus.PENDING_APPROVAL, out.suggestions.get(0).status());
    }

    @Test
    void step_up_failure_leaves_the_approval_decidable_in_the_overlay() {
        world.stepUp.down(true);
        world.classifications.put("is it soc 2", question("security", 0.9));
        world.classifications.put("Here is our answer to: is it soc 2", question("security", 0.9));
        world.handle(JAE, chunk("is it soc 2"), out);
        var s = out.suggestions.get(0);
        assertEquals(
                app.proxyme.domain.approval.ApprovalStatus.PENDING,
                world.suggestions.byApproval(s.approvalId()).orElseThrow().approvalStatus());
    }

    @Test
    void a_chunk_of_another_organisation_is_refused() {
        assertThrows(
                IllegalArgumentException.class, () -> world.handle(JAE, new Chunk("globex", "m1", 1, "", "hi"), out));
    }

    @Test
    void evaluate_is_a_dry_run_without_records_or_generation() {
        world.classifications.put("what is the price", question("pricing", 0.9));
        var e = world.pipeline().evaluate(AE, "what is the price");
        assertEquals(Outcome.APPROVE, e.decision().outcome());
        assertTrue(world.audit.records.isEmpty());
        assertEquals(0, world.generated);
        assertNotNull(e.classification());
    }
}
