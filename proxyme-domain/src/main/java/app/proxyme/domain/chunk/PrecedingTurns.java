package app.proxyme.domain.chunk;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What was said just before a chunk in its meeting, as the same member's overlay sent it: at most {@link #MAX_TURNS}
 * turns and {@link #MAX_CHARS} characters, oldest first, each {@code "speaker: text"}. Untrusted data like the chunk
 * itself, given to a language model to tell what the chunk refers to; a decision never rests on it.
 *
 * @param turns the turns, oldest first
 */
public record PrecedingTurns(List<String> turns) {
    public static final int MAX_TURNS = 3;
    public static final int MAX_CHARS = 600;
    /** How many of the member's latest chunks are read to find the turns before one (later ones may be among them). */
    public static final int READ = 64;
    /** No context: the meeting's first turn, or a context that could not be read. */
    public static final PrecedingTurns NONE = new PrecedingTurns(List.of());

    public PrecedingTurns {
        turns = List.copyOf(turns);
        if (turns.size() > MAX_TURNS) {
            throw new IllegalArgumentException("at most " + MAX_TURNS + " turns: " + turns.size());
        }
        if (turns.stream().mapToInt(String::length).sum() > MAX_CHARS) {
            throw new IllegalArgumentException("at most " + MAX_CHARS + " characters of context");
        }
    }

    public boolean isEmpty() {
        return turns.isEmpty();
    }

    /**
     * The turns before chunk {@code seq}, from {@code latest}: the member's chunk events of the meeting, newest first
     * (events of other types, of other chunks' members, and texts not kept are skipped). The newest turns are kept
     * whole while they fit; the oldest that does not fit is cut at its start.
     */
    public static PrecedingTurns before(long seq, List<AuditRecord> latest) {
        var newestFirst = new ArrayList<String>();
        int budget = MAX_CHARS;
        for (AuditRecord r : latest) {
            AuditEntry e = r.entry();
            if (newestFirst.size() == MAX_TURNS || budget == 0) {
                break;
            }
            if (e.type() != AuditType.CHUNK
                    || e.reveal() == null
                    || !(e.detail().get("chunkSeq") instanceof Number n)
                    || n.longValue() >= seq) {
                continue;
            }
            Object speaker = e.detail().get("speaker");
            String turn = (speaker == null || speaker.toString().isBlank() ? "" : speaker + ": ")
                    + e.reveal().text().replaceAll("\\s+", " ").strip();
            if (turn.length() > budget) {
                turn = "…" + turn.substring(turn.length() - budget + 1);
            }
            newestFirst.add(turn);
            budget -= turn.length();
        }
        Collections.reverse(newestFirst);
        return new PrecedingTurns(newestFirst);
    }
}
