package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerWindowsTest {
    @Test
    void a_short_answer_is_one_piece() {
        assertEquals(List.of("It is 40 dollars a seat."), AnswerWindows.of("  It is 40 dollars a seat. "));
        assertEquals(List.of(), AnswerWindows.of("   "));
        assertEquals(List.of(), AnswerWindows.of(null));
    }

    @Test
    void a_long_answer_is_cut_between_words_into_pieces_the_classifier_reads_whole() {
        String answer = "word ".repeat(400) + "The enterprise plan costs 60 dollars per seat.";

        List<String> pieces = AnswerWindows.of(answer);

        assertTrue(pieces.size() > 1, pieces.toString());
        pieces.forEach(p -> assertTrue(p.length() <= SpokenText.MAX_CHARS, p.length() + " characters"));
        pieces.forEach(p -> assertTrue(!p.startsWith(" ") && !p.endsWith(" "), p));
        assertEquals(answer.strip().replace(" ", ""), String.join("", pieces).replace(" ", ""));
        assertTrue(pieces.get(pieces.size() - 1).endsWith("The enterprise plan costs 60 dollars per seat."));
    }

    @Test
    void a_piece_without_spaces_is_cut_at_the_limit() {
        String answer = "x".repeat(SpokenText.MAX_CHARS * 2 + 5);

        List<String> pieces = AnswerWindows.of(answer);

        assertEquals(
                List.of(SpokenText.MAX_CHARS, SpokenText.MAX_CHARS, 5),
                pieces.stream().map(String::length).toList());
    }
}
