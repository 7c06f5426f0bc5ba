package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.engine.text.Terms;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nouns a question can open with come from the organisation's catalogue, not from a list of the demo
 * organisation's words: any catalogue's topics get the handling the demo's "pricing" and "data" get.
 */
class SubjectWordsTest {
    private static final Topic WARRANTY = new Topic(
            "warranty_claims",
            "Warranty claims: repairs and replacements under warranty, coverage periods, proof of purchase, the "
                    + "status of a claim.",
            List.of(
                    "is my blender still covered by the warranty",
                    "what proof of purchase do you need",
                    "how long until my replacement arrives",
                    "where can i see the status of my claim",
                    "does the coverage include accidental damage"),
            List.of("Claims are handled within five working days; you can follow their status online."));
    private static final Topic CALL_RECORDING = new Topic(
            "call_recording",
            "Recording of calls: when calls are recorded, how to turn it off, how long recordings are kept.",
            List.of("are my calls recorded", "how long do you keep the recordings"),
            List.of());
    private static final TopicCatalog APPLIANCES = new TopicCatalog("initech", List.of(WARRANTY, CALL_RECORDING), 1);

    private final QuestionDetector generic = new QuestionDetector();
    private final QuestionDetector appliances = new QuestionDetector(SubjectWords.of(APPLIANCES));

    @Test
    void topic_words_of_any_catalogue_open_a_question_after_have() {
        // The hard-coded list knew "pricing", not "warranty": without the catalogue this is no question.
        assertTrue(appliances
                .detect("so has warranty coverage changed since march")
                .question());
        assertTrue(appliances.detect("have replacements gone out already").question());
        assertFalse(
                generic.detect("so has warranty coverage changed since march").question());
        assertFalse(generic.detect("have replacements gone out already").question());
    }

    @Test
    void topic_words_open_a_question_after_any_auxiliary() {
        for (String q : List.of(
                "does warranty cover water damage",
                "is the claim status visible online",
                "will warranty claims be handled over the phone",
                "can proof of purchase be a photo")) {
            assertTrue(appliances.detect(q).question(), q);
        }
    }

    @Test
    void a_topic_id_of_several_words_is_a_subject_even_when_generic_english_reads_a_verb() {
        assertTrue(appliances
                .detect("can call recording be turned off for one meeting")
                .question());
        assertFalse(generic.detect("can call recording be turned off for one meeting")
                .question());
    }

    @Test
    void generic_verbs_stay_verbs_whatever_the_catalogue_says() {
        // "call" and "follow" occur in the catalogue's text, but alone they are verbs after a modal.
        for (String s : List.of(
                "will call you tomorrow",
                "will do",
                "should be fine",
                "have a good weekend",
                "will follow up by email")) {
            assertFalse(appliances.detect(s).question(), s);
        }
    }

    @Test
    void the_demo_words_come_from_the_demo_policy() {
        TopicCatalog acme = new EvaluationFixture()
                .policy(EvaluationFixture.settings(0.5, 0.3))
                .catalog();
        var words = SubjectWords.of(acme);
        for (String w : List.of("pricing", "data", "saml", "security")) {
            assertTrue(words.stems().contains(Terms.stem(w)), w + " in " + words.stems());
        }
        var acmeDetector = new QuestionDetector(words);
        assertTrue(acmeDetector.detect("has pricing changed since last year").question());
        assertFalse(generic.detect("has pricing changed since last year").question());
        assertFalse(new QuestionDetector(SubjectWords.of(APPLIANCES))
                .detect("has pricing changed since last year")
                .question());
    }

    @Test
    void the_classifier_reads_the_subjects_of_the_catalogue_it_is_given() {
        SentenceEncoder encoder = s -> SentenceEncoder.unit(new float[] {s.length() % 7 + 1f, s.hashCode() % 5, 1f});
        var classifier = new LocalTopicClassifier(encoder, Scoring.DEFAULT);
        String text = "has warranty coverage changed since march";
        var without = new TopicCatalog("initech", List.of(CALL_RECORDING), 1);
        assertFalse(classifier.classify(without, text).question());
        // A new version of the same organisation's catalogue is read afresh.
        var with = new TopicCatalog("initech", List.of(CALL_RECORDING, WARRANTY), 2);
        assertTrue(classifier.classify(with, text).question());
    }
}
