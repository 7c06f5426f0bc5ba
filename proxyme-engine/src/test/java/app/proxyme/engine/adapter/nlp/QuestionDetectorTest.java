package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionDetectorTest {
    private final QuestionDetector detector = new QuestionDetector();

    private void question(String text) {
        QuestionVerdict v = detector.detect(text);
        assertTrue(v.question(), () -> "expected a question: " + text + " (" + v.cue() + ")");
    }

    private void statement(String text) {
        QuestionVerdict v = detector.detect(text);
        assertFalse(v.question(), () -> "expected a statement: " + text + " (" + v.cue() + ")");
    }

    @Test
    void unpunctuated_speech_question_is_detected() {
        question("so um what would the rollout plan look like for a team of our size");
    }

    @Test
    void yes_no_question_without_question_mark_is_detected() {
        question("uh does the mobile app work without a connection");
        question("is there a limit on file size");
    }

    @Test
    void pseudo_cleft_statement_is_not_a_question() {
        statement("what we really want is a tool our interns can learn in a day");
        statement("what i liked about the demo was the timeline view");
    }

    @Test
    void pseudo_cleft_introducing_a_question_is_a_question() {
        question("what i wanted to ask is whether you can host it in canada");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tell me more about the approval flow",
                "walk us through the admin console",
                "could you send over the security whitepaper",
                "please share the recording afterwards",
                "i was wondering if the trial can be extended",
                "let me know when your engineers are free"
            })
    void requests_are_questions(String text) {
        question(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "we mostly track this in shared spreadsheets today",
                "let me pull up the numbers",
                "thanks so much for making the time everyone",
                "i'll forward the summary to our cfo",
                "okay i think that's everything on integrations",
                "my video keeps freezing sorry",
                "when we tried a similar tool last year nobody used it",
                "will do",
                "have a great weekend",
                "that's exactly right"
            })
    void statements_are_not_questions(String text) {
        statement(text);
    }

    @Test
    void tag_question_is_a_question() {
        question("you can export everything to csv right");
    }

    @Test
    void question_after_a_preamble_is_detected() {
        question("we have about forty people in support so how would licensing work for them");
    }

    @Test
    void question_mark_is_only_a_hint() {
        question("The export includes attachments?");
        statement("The export includes attachments.");
    }

    @Test
    void fillers_alone_are_not_a_question() {
        statement("um uh so yeah");
        statement("");
    }
}
