package app.proxyme.domain.pipeline;

import static app.proxyme.domain.fakes.Fixtures.JAE;
import static app.proxyme.domain.fakes.Fixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.chunk.ChunkResult;
import app.proxyme.domain.fakes.TestWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audit first (issue 11): nothing of a chunk is stored or pushed before its audit event is durable; a failed append
 * stops the chunk there.
 */
class ChunkPipelineAuditFirstTest {
    private final TestWorld world = new TestWorld();
    private final TestWorld.Recorder out = new TestWorld.Recorder(world.audit);

    private static Chunk chunk(String text) {
        return new Chunk("acme", "m1", 7, "Dana (customer)", text);
    }

    private void heldQuestion() {
        world.classifications.put("is it soc 2", question("security", 0.9));
        world.classifications.put("Here is our answer to: is it soc 2", question("security", 0.9));
    }

    @Test
    void a_held_suggestion_is_audited_before_it_is_stored_and_stored_before_it_is_pushed() {
        heldQuestion();
        var seenAtPush = new ArrayList<String>();
        world.stepUp.onRequest = () -> {
            seenAtPush.addAll(world.audit.types());
            seenAtPush.add(
                    "stored=" + !world.suggestions.pending("acme", JAE.email()).isEmpty());
        };

        world.handle(JAE, chunk("is it soc 2"), out);

        assertEquals(
                List.of("chunk", "decision", "token", "suggestion", "approval_requested", "stored=true"), seenAtPush);
        assertEquals(1, out.suggestions.size());
    }

    @Test
    void when_the_suggestion_cannot_be_audited_nothing_is_stored_or_pushed() {
        heldQuestion();
        world.audit.failOn(AuditType.SUGGESTION);

        var e = assertThrows(DependencyUnavailableException.class, () -> world.handle(JAE, chunk("is it soc 2"), out));

        assertEquals("audit", e.dependency());
        assertTrue(world.suggestions.pending("acme", JAE.email()).isEmpty(), "nothing stored");
        assertTrue(world.suggestions.inMeeting("acme", "m1", JAE.email()).isEmpty(), "nothing stored");
        assertTrue(world.stepUp.requests.isEmpty(), "no step-up request pushed");
        assertTrue(out.suggestions.isEmpty(), "no card pushed");
        assertEquals(List.of("chunk", "decision"), world.audit.types());
    }

    @Test
    void an_auto_suggestion_that_cannot_be_audited_is_neither_stored_nor_shown() {
        world.classifications.put("how does the api work", question("product", 0.9));
        world.classifications.put("Here is our answer to: how does the api work", question("product", 0.9));
        world.audit.failOn(AuditType.SUGGESTION);

        assertThrows(
                DependencyUnavailableException.class, () -> world.handle(JAE, chunk("how does the api work"), out));

        assertTrue(world.suggestions.inMeeting("acme", "m1", JAE.email()).isEmpty());
        assertTrue(out.suggestions.isEmpty());
    }

    @Test
    void a_suggestion_that_cannot_be_stored_after_it_was_audited_ends_as_failed_and_is_not_pushed() {
        heldQuestion();
        world.suggestions.writesFail = true;

        var result = world.handle(JAE, chunk("is it soc 2"), out);

        assertInstanceOf(ChunkResult.SuggestionFailed.class, result);
        assertEquals(
                "suggestion_failed", world.audit.types().get(world.audit.types().size() - 1));
        assertTrue(world.stepUp.requests.isEmpty(), "nothing pushed");
        assertTrue(out.suggestions.isEmpty());
        assertEquals(1, out.failures.size(), "the card is told");
    }
}
