package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;
import app.proxyme.domain.port.out.contract.ResponseGeneratorContractTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The playbook generator keeps the response generator's contract, and picks the playbook answer that fits the question
 * (deterministically), naming its subject.
 */
class PlaybookResponseGeneratorTest extends ResponseGeneratorContractTest {
    private static final Member SE = new Member("se@acme.test", "acme", "sales_engineer", "Sam");
    private static final ScopedToken TOKEN =
            new ScopedToken("t", "write:suggestions", "security", Instant.now().plusSeconds(60), false);
    private final PlaybookResponseGenerator generator = new PlaybookResponseGenerator();

    @Override
    protected ResponseGenerator generator() {
        return generator;
    }

    @Override
    protected ResponseGenerator unavailableGenerator() {
        return new PlaybookResponseGenerator(text -> {
            throw new DependencyUnavailableException("generator", "model missing");
        });
    }

    private final Topic security = new Topic(
            "security",
            "Security: encryption of data, single sign-on, SSO",
            List.of("is our data encrypted"),
            List.of(
                    "Single sign-on is supported over SAML and OIDC with the major identity providers.",
                    "Data is encrypted in transit with TLS and at rest with AES-256."));

    @Test
    void picks_the_playbook_answer_that_fits_the_question_and_names_its_subject() {
        String answer = generator.generate(SE, security, "so um how is our data encrypted on disk", TOKEN);
        assertTrue(answer.contains("AES-256"), answer);
        assertTrue(answer.contains("\"data encrypt"), answer);
        String sso = generator.generate(SE, security, "can we log in through okta with saml", TOKEN);
        assertTrue(sso.contains("Single sign-on"), sso);
    }

    @Test
    void is_deterministic() {
        String q = "does the api support oauth";
        assertEquals(generator.generate(SE, security, q, TOKEN), generator.generate(SE, security, q, TOKEN));
    }

    @Test
    void topic_without_playbook_offers_to_follow_up() {
        var empty = new Topic("legal", "Legal", List.of(), List.of());
        String answer = generator.generate(SE, empty, "will you accept our indemnity clause", TOKEN);
        assertTrue(answer.contains("follow up"), answer);
    }

    @Test
    void the_lead_in_does_not_depend_on_the_topic_id() {
        var chat = List.of(
                "Doing well, thanks for asking! Glad we could get together today.",
                "Thanks for asking! It was a nice break, and it's good to be back.");
        var people = List.of("I'm not able to discuss internal personnel matters, but your account team is stable.");
        var logistics = List.of("Happy to. I'll send a calendar invitation with a few options.");
        for (var playbook : List.of(chat, people, logistics)) {
            String description = "Holidays, trips and the weather; salaries and hiring; meetings and invitations.";
            var examples = List.of("how was your holiday", "what do your engineers earn", "can we book a meeting");
            for (String q : List.of("how was your holiday", "what do your engineers earn", "can we book a meeting")) {
                var answers =
                        List.of("smalltalk", "scheduling", "personnel", "chitchat", "hr_matters", "meetings").stream()
                                .map(id -> generator.generate(
                                        SE, new Topic(id, description, examples, playbook), q, TOKEN))
                                .distinct()
                                .toList();
                assertEquals(1, answers.size(), answers.toString());
            }
        }
    }

    @Test
    void an_answer_that_replies_by_itself_gets_no_lead_in() {
        assertEquals("", PlaybookResponseGenerator.leadIn("holiday", "Thanks for asking! It was a nice break."));
        assertEquals("", PlaybookResponseGenerator.leadIn("", "Happy to. I'll send a calendar invitation."));
        assertEquals("", PlaybookResponseGenerator.leadIn("weekend", "It\u2019s been a good week here, thanks."));
    }

    @Test
    void an_answer_that_declines_gets_a_neutral_lead_in_and_any_other_answer_a_good_question() {
        assertEquals(
                "On \"salary\": ",
                PlaybookResponseGenerator.leadIn(
                        "salary",
                        "I'm not able to discuss internal personnel matters, but I can introduce your account team."));
        assertEquals(
                "On \"discount\": ",
                PlaybookResponseGenerator.leadIn(
                        "discount", "I can't confirm discounts on the spot. I'll come back with an offer."));
        assertEquals(
                "Good question about \"data encrypt\". ",
                PlaybookResponseGenerator.leadIn(
                        "data encrypt",
                        "Data is encrypted in transit with TLS and at rest with AES-256. We can't read it."));
        assertEquals("Good question. ", PlaybookResponseGenerator.leadIn("", "Data is encrypted at rest."));
    }

    @Test
    void a_non_demo_topic_is_answered_from_its_own_playbook() {
        var warranty = new Topic(
                "warranty_claims",
                "Warranty claims: repairs, replacements, proof of purchase.",
                List.of("is my blender still under warranty"),
                List.of(
                        "Sure, send us the proof of purchase and we'll arrange a repair or a replacement.",
                        "Every appliance carries a two year warranty covering repairs and replacements."));
        String answer = generator.generate(SE, warranty, "how long is the warranty on replacements", TOKEN);
        assertTrue(answer.startsWith("Good question about \"warranty replacements\". Every appliance"), answer);
    }
}
