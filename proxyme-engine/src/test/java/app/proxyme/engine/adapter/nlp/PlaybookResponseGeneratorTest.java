package app.proxyme.engine.adapter.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.DependencyUnavailableException;
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
    private static final ScopedToken TOKEN = new ScopedToken("t", "write:suggestions", "security",
            Instant.now().plusSeconds(60), false);
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
    private final Topic security = new Topic("security", "Security: encryption of data, single sign-on, SSO",
            List.of("is our data encrypted"), List.of(
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
}
