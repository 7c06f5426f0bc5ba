package app.proxyme.domain.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.fakes.InMemoryStores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecedingTurnsTest {
    private final InMemoryStores.Audit audit = new InMemoryStores.Audit(java.time.Clock.systemUTC());

    private void said(String user, long seq, String speaker, String text) {
        audit.append(List.of(AuditEntry.withHiddenText(
                AuditType.CHUNK,
                "acme",
                "m1",
                user,
                "engine",
                null,
                null,
                null,
                Map.of("chunkSeq", seq, "speaker", speaker),
                text)));
    }

    private PrecedingTurns before(long seq) {
        return PrecedingTurns.before(seq, audit.latestChunks("acme", "m1", "jae@acme.test", PrecedingTurns.READ));
    }

    @Test
    void the_last_turns_before_a_chunk_oldest_first_only_the_members_own_and_never_later_ones() {
        said("jae@acme.test", 1, "Dana (customer)", "hello there");
        said("jae@acme.test", 2, "", "we   use\nOkta");
        said("ae@acme.test", 3, "Dana (customer)", "someone else's overlay");
        said("jae@acme.test", 3, "Dana (customer)", "is that supported?");
        said("jae@acme.test", 4, "Dana (customer)", "accepted later, decided later");

        assertEquals(
                List.of("Dana (customer): hello there", "we use Okta"),
                before(3).turns(),
                "speaker labels, one line each; another member's and later chunks are not context");
        assertEquals(
                List.of("Dana (customer): hello there", "we use Okta", "Dana (customer): is that supported?"),
                before(4).turns());
        assertTrue(before(1).isEmpty(), "the first turn has none");
    }

    @Test
    void at_most_three_turns_and_600_characters_the_oldest_cut_at_its_start() {
        said("jae@acme.test", 1, "", "one");
        said("jae@acme.test", 2, "", "a".repeat(300) + " end of two");
        said("jae@acme.test", 3, "", "b".repeat(400));
        said("jae@acme.test", 4, "", "c");
        said("jae@acme.test", 5, "", "the question");

        List<String> turns = before(5).turns();

        assertEquals(3, turns.size(), turns.toString());
        assertEquals(
                PrecedingTurns.MAX_CHARS,
                turns.stream().mapToInt(String::length).sum());
        assertTrue(turns.get(0).startsWith("…") && turns.get(0).endsWith(" end of two"), turns.get(0));
        assertEquals(List.of("b".repeat(400), "c"), turns.subList(1, 3));
        assertThrows(IllegalArgumentException.class, () -> new PrecedingTurns(List.of("x".repeat(601))));
        assertThrows(IllegalArgumentException.class, () -> new PrecedingTurns(List.of("1", "2", "3", "4")));
    }
}
