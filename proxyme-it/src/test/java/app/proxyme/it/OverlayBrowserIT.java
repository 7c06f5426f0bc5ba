package app.proxyme.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.testsupport.DemoUtterances;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The meeting overlay in headless Chromium against the whole server: one test per thing a user does. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OverlayBrowserIT {
    static final String AUTO_SE = "Can you walk me through how the reporting dashboard exports data?";
    static final String APPROVE_JAE = "Do you have ISO 27001 certification for the hosting?";
    static final String DENY_JAE = "What discount could you give us on a three year contract?";
    static final String NONE = "We mostly track all of this in spreadsheets today.";

    private static final AtomicInteger MEETINGS = new AtomicInteger();
    private static Chromium chromium;

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        // lanes of two: a flood of quick statements fills one, although each chunk is recorded before its ack; unpaced,
        // or the server would read the flood too slowly for any lane to fill
        return Deployments.proxyMe(
                "proxyme.approval.timeout.s=300", "proxyme.lane.capacity=2", "proxyme.ws.messages.per.second=0");
    }

    @ArquillianResource
    URL base;

    private OverlayPage overlay;

    @BeforeAll
    static void browser() {
        chromium = Chromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void page() {
        overlay = new OverlayPage(chromium.browser, base.toString().replaceAll("/$", ""));
    }

    @AfterEach
    void closePage() {
        overlay.close();
    }

    static String meeting(String name) {
        return name + "-" + MEETINGS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    @Test
    void the_picker_shows_who_role_and_organisation_and_signs_in() {
        overlay.open();
        Locator jae = overlay.page.locator(
                "#users label.user", new com.microsoft.playwright.Page.LocatorOptions().setHasText("jae@acme.test"));
        assertThat(jae).containsText("junior_ae");
        assertThat(jae).containsText("acme");
        assertThat(overlay.page.locator("#users")).containsText("sam@globex.test");

        overlay.signIn("jae@acme.test", meeting("signin"));

        assertThat(overlay.page.locator("#who")).containsText("junior_ae · acme");
        assertThat(overlay.page.locator("#conn")).hasText("connected");
        assertThat(overlay.toggle("pricing")).isChecked();
    }

    @Test
    void a_deal_size_set_in_the_meeting_settings_lets_the_account_executive_answer_pricing() {
        String meeting = meeting("context");
        overlay.open().signIn("ae@acme.test", meeting);
        overlay.page.locator("#context-box > summary").click();

        overlay.setContext("deal_size", "80000");
        long large = overlay.say(MeetingContextIT.PRICING);
        assertThat(overlay.card(large)).hasAttribute("data-kind", "pending");
        assertThat(overlay.card(large).locator(".why")).containsText("deal_size < 50000 does not hold");

        overlay.setContext("deal_size", "30000");
        long small = overlay.say(MeetingContextIT.PRICING);

        Locator card = overlay.card(small);
        assertThat(card).hasAttribute("data-kind", "auto");
        assertThat(card.locator(".answer")).not().isEmpty();
        assertThat(card.locator(".why")).containsText("deal_size < 50000 holds (deal_size=30000)");
        assertThat(overlay.flow(small).locator(".step[data-step='fga']"))
                .containsText("pricing: deal_size < 50000 holds (deal_size=30000)");
        overlay.page.reload();
        overlay.assertConnected();
        assertThat(overlay.contextField("deal_size")).hasValue("30000");
    }

    @Test
    void an_auto_answer_shows_its_text_a_copy_button_and_its_flow() {
        overlay.open().signIn("se@acme.test", meeting("auto"));

        long seq = overlay.say(AUTO_SE);

        Locator card = overlay.card(seq);
        assertThat(card).hasAttribute("data-kind", "auto");
        assertThat(card.locator(".answer")).not().isEmpty();
        assertThat(card.locator("button.copy")).isVisible();
        assertThat(card.locator(".why")).containsText("Decided by");
        assertThat(card.locator(".said")).containsText("Customer: “" + AUTO_SE);
        Locator flow = overlay.flow(seq);
        for (String step : List.of("classify", "rules", "fga", "toggles", "decision", "generate", "output_check")) {
            assertThat(flow.locator(".step[data-step='" + step + "']").first()).containsText(" ms");
        }
        assertThat(flow.locator(".total")).hasText(Pattern.compile("total \\d+(\\.\\d)? ms"));
    }

    @Test
    void a_held_answer_waits_with_a_countdown_and_is_shown_once_approved() {
        overlay.open().signIn("jae@acme.test", meeting("approve"));

        long seq = overlay.say(APPROVE_JAE);

        Locator card = overlay.card(seq);
        assertThat(card).hasAttribute("data-kind", "pending");
        assertThat(card.locator(".topic")).hasText("security");
        assertThat(card.locator(".countdown")).hasText(Pattern.compile("[0-4]:\\d\\d left"));
        assertThat(card.locator(".answer")).not().isEmpty();
        card.locator("button.approve").click();
        assertThat(card).hasAttribute("data-kind", "approved");
        assertThat(card.locator("button.copy")).isVisible();
        assertThat(overlay.flow(seq).locator(".step[data-step='approval_request']"))
                .hasCount(1);
    }

    @Test
    void an_unsure_question_drafts_nothing_until_asked_and_the_draft_waits_for_approval() {
        overlay.open().signIn("ae@acme.test", meeting("unsure"));

        long seq = overlay.say(DemoUtterances.UNSURE_QUESTION);

        Locator card = overlay.card(seq);
        assertThat(card.locator(".answer")).containsText("unsure");
        card.locator("button.draft").click();
        assertThat(card).hasAttribute("data-kind", "pending");
        assertThat(card.locator(".answer")).not().isEmpty();
        assertThat(card.locator("button.approve")).isVisible();
    }

    @Test
    void a_demo_that_a_phone_cannot_reach_says_so_instead_of_showing_a_code() {
        overlay.open().signIn("jae@acme.test", meeting("pairing"));

        overlay.page.locator("#phone-box > summary").click();
        overlay.page.locator("#pair").click();

        assertThat(overlay.page.locator("#pair-hint")).containsText("PROXYME_DEMO_EXPOSED=true");
        assertThat(overlay.page.locator("#pair-qr")).isHidden();
        assertThat(overlay.page.locator("#pair-link")).hasAttribute("href", Pattern.compile(".*/approve#code=.+"));
    }

    @Test
    void a_held_answer_denied_is_struck_through_and_not_offered() {
        overlay.open().signIn("jae@acme.test", meeting("deny"));

        long seq = overlay.say(APPROVE_JAE);
        Locator card = overlay.card(seq);
        card.locator("button.deny").click();

        assertThat(card).hasAttribute("data-kind", "denied");
        assertThat(card.locator(".badge")).hasText("Denied");
        assertThat(card.locator("button")).hasCount(0);
    }

    @Test
    void a_refused_topic_shows_the_reason_and_no_text() {
        overlay.open().signIn("jae@acme.test", meeting("refused"));

        long seq = overlay.say(DENY_JAE);

        Locator card = overlay.card(seq);
        assertThat(card).hasAttribute("data-kind", "refused");
        assertThat(card.locator(".topic")).hasText("pricing");
        assertThat(card.locator(".why")).containsText("Decided by");
        assertThat(card.locator(".answer")).hasCount(0);
        assertThat(overlay.flow(seq).locator(".step[data-step='generate']")).hasCount(0);
    }

    @Test
    void a_statement_is_shown_discreetly_as_not_a_question() {
        overlay.open().signIn("se@acme.test", meeting("none"));

        long seq = overlay.say(NONE);

        Locator card = overlay.card(seq);
        assertThat(card).hasAttribute("data-kind", "none");
        assertThat(card).containsText("Not a question");
        assertThat(card.locator(".answer")).hasCount(0);
    }

    @Test
    void a_topic_switched_off_holds_the_next_answer_for_approval() {
        overlay.open().signIn("se@acme.test", meeting("toggle"));

        overlay.page
                .locator(
                        "summary",
                        new com.microsoft.playwright.Page.LocatorOptions().setHasText("Topics in this meeting"))
                .click();
        overlay.toggle("product").uncheck();
        assertThat(overlay.toggle("product")).not().isChecked();
        long seq = overlay.say(AUTO_SE);

        Locator card = overlay.card(seq);
        assertThat(card).hasAttribute("data-kind", "pending");
        assertThat(card.locator(".why")).containsText("topic switch");
    }

    @Test
    void a_dropped_connection_recovers_with_its_cards_and_no_duplicates() {
        overlay.open().signIn("jae@acme.test", meeting("reconnect"));
        long first = overlay.say(APPROVE_JAE);
        assertThat(overlay.card(first)).hasAttribute("data-kind", "pending");

        overlay.page.evaluate("window.__proxyme.dropConnection()");
        assertThat(overlay.page.locator("#conn")).hasAttribute("data-state", "reconnecting");
        long second = overlay.say(DENY_JAE); // typed while down: sent once back
        overlay.assertConnected();

        assertThat(overlay.card(second)).hasAttribute("data-kind", "refused");
        assertTrue(second > first, "seq keeps increasing across reconnects");
        overlay.card(first).locator("button.approve").click();
        assertThat(overlay.card(first)).hasAttribute("data-kind", "approved");
        assertThat(overlay.cards()).hasCount(2);
        assertNoDuplicateCards();
    }

    @Test
    void chunks_the_server_was_too_busy_for_are_sent_again_and_all_get_decided() {
        overlay.open().signIn("se@acme.test", meeting("busy"));
        int n = 150;

        overlay.page.evaluate(
                "n => { const text = document.getElementById('text');"
                        + " const form = document.getElementById('say');"
                        // questions with an answer (drafted and checked): slower to decide than the browser sends
                        + " for (let i = 0; i < n; i++) { text.value = 'Does it connect to Slack so the team gets notified?';"
                        + " form.requestSubmit(); } }",
                n);

        assertThat(overlay.cards()).hasCount(n, new LocatorAssertions.HasCountOptions().setTimeout(90_000));
        assertThat(overlay.page.locator("#cards > li[data-kind='deciding']"))
                .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(90_000));
        String metrics = new app.proxyme.web.Api(base.toString().replaceAll("/$", ""))
                .get("/metrics", null)
                .body();
        assertTrue(
                metrics.lines().anyMatch(l -> l.startsWith("proxyme_chunks_busy_total") && !l.endsWith(" 0.0")),
                "the flood met a full lane at least once");
    }

    @Test
    void a_pending_approval_is_shown_again_after_a_reload() {
        String meeting = meeting("reload");
        overlay.open().signIn("jae@acme.test", meeting);
        long seq = overlay.say(APPROVE_JAE);
        assertThat(overlay.card(seq)).hasAttribute("data-kind", "pending");

        overlay.page.reload();
        overlay.assertConnected();
        assertThat(overlay.card(seq)).hasAttribute("data-kind", "pending");
        assertThat(overlay.card(seq).locator(".why")).containsText("Decided by");

        // Without the page's own copy, the server's state message alone brings it back.
        overlay.page.evaluate("m => sessionStorage.removeItem('proxyme.cards.' + m)", meeting);
        overlay.page.reload();
        overlay.assertConnected();
        assertThat(overlay.card(seq)).hasAttribute("data-kind", "pending");
        assertThat(overlay.cards()).hasCount(1);
        long next = overlay.say(NONE);
        assertTrue(next > seq, "a reload does not reuse seq numbers");

        overlay.card(seq).locator("button.approve").click();
        assertThat(overlay.card(seq)).hasAttribute("data-kind", "approved");
    }

    @Test
    void a_bad_server_error_is_shown_unobtrusively() {
        overlay.open().signIn("jae@acme.test", meeting("error"));

        overlay.page.evaluate("window.__proxyme.send({type: 'approve', approvalId: 'ap_unknown'})");

        assertThat(overlay.page.locator("#notices .notice.error")).containsText("not_found");
        overlay.assertConnected();
    }

    @Test
    void the_latest_decision_for_a_chunk_stands_and_a_lowered_one_says_so() {
        overlay.open();
        // The cards module alone, fed the messages an output check produces (hard to provoke with real text).
        Object kinds = overlay.page.evaluate("""
                async () => {
                  const { Cards } = await import('/js/cards.js');
                  const list = document.createElement('ol');
                  document.body.append(list);
                  const cards = new Cards(list, { meetingId: 'unit', onDecide() {}, onCopy() {}, onAuto() {}, onChange() {} });
                  const held = { type: 'suggestion', seq: 1, suggestionId: 'sg_1', status: 'PENDING_APPROVAL',
                                 topic: 'pricing', text: 'We can do that.', approvalId: 'ap_1',
                                 expiresAt: new Date(Date.now() + 60000).toISOString() };
                  cards.decision({ seq: 1, outcome: 'AUTO', layer: 'fga', reason: 'role may answer product', topic: 'product', suggestionFollows: true });
                  cards.decision({ seq: 1, outcome: 'APPROVE', layer: 'output_check', reason: 'the answer talks pricing', topic: 'pricing', suggestionFollows: true });
                  cards.suggestion(held);
                  cards.state({ suggestions: [held] });
                  cards.decision({ seq: 2, outcome: 'AUTO', layer: 'fga', reason: 'ok', topic: 'product', suggestionFollows: true });
                  cards.decision({ seq: 2, outcome: 'DENY', layer: 'output_check', reason: 'the answer talks legal', topic: 'legal', suggestionFollows: false });
                  cards.approval({ approvalId: 'ap_1', suggestionId: 'sg_1', meetingId: 'unit', status: 'APPROVED' });
                  cards.suggestion({ ...held, status: 'PENDING_APPROVAL' });
                  const one = list.querySelector('[data-seq="1"]');
                  const two = list.querySelector('[data-seq="2"]');
                  return [list.children.length, one.dataset.kind, one.querySelector('.lowered')?.textContent || '',
                          one.querySelector('.why').textContent, two.dataset.kind, two.querySelector('.answer') === null];
                }
                """);
        List<?> k = (List<?>) kinds;
        assertEquals(2, ((Number) k.get(0)).intValue(), "one card per chunk: " + k);
        assertEquals("approved", k.get(1), "a decided approval does not go back to pending");
        assertTrue(k.get(2).toString().contains("Lowered by the output check"), k.toString());
        assertTrue(k.get(3).toString().contains("output check — the answer talks pricing"), k.toString());
        assertEquals("refused", k.get(4));
        assertEquals(true, k.get(5), "no text above a refusal");
    }

    /** A stand-in for the browser's speech recognition: the test decides what was heard. */
    static final String FAKE_SPEECH = """
            window.__fakeSpeech = { instances: [] };
            class FakeRecognition {
              constructor() { window.__fakeSpeech.instances.push(this); this.running = false; }
              start() { this.running = true; }
              stop() { this.running = false; if (this.onend) this.onend(); }
              abort() { this.stop(); }
            }
            window.SpeechRecognition = FakeRecognition;
            window.webkitSpeechRecognition = FakeRecognition;
            window.__fakeSpeech.hear = (transcript, isFinal) => {
              const r = window.__fakeSpeech.instances.at(-1);
              const result = [{ transcript, confidence: 0.9 }];
              result.isFinal = isFinal;
              r.onresult({ resultIndex: 0, results: [result] });
            };
            """;

    @Test
    void final_speech_results_become_chunks_and_interim_ones_are_only_shown_greyed() {
        overlay.page.addInitScript(FAKE_SPEECH);
        overlay.open().signIn("se@acme.test", meeting("speech"));

        overlay.page.click("#mic");
        assertThat(overlay.page.locator("#speech-note")).containsText("may send the audio");
        assertEquals(0, overlay.page.evaluate("window.__fakeSpeech.instances.length"), "not before consent");
        overlay.page.getByText("Start listening").click();
        assertThat(overlay.page.locator("#mic")).hasAttribute("aria-pressed", "true");
        assertEquals(true, overlay.page.evaluate("window.__fakeSpeech.instances.at(-1).running"));

        overlay.page.evaluate("window.__fakeSpeech.hear('so um can you walk me through how the', false)");
        Locator interim = overlay.page.locator("#interim");
        assertThat(interim).hasText("so um can you walk me through how the");
        assertThat(interim).hasCSS("color", "rgb(154, 161, 171)");
        assertEquals(0, overlay.seq(), "interim results are not sent");
        assertThat(overlay.cards()).hasCount(0);

        overlay.page.evaluate("window.__fakeSpeech.hear("
                + "'so um can you walk me through how the reporting dashboard exports data', true)");
        assertThat(interim).isHidden();
        assertThat(overlay.card(1)).hasAttribute("data-kind", "auto");
        assertThat(overlay.card(1).locator(".said"))
                .hasText("Customer: “so um can you walk me through how the reporting dashboard exports data”");
        assertThat(overlay.cards()).hasCount(1);

        overlay.page.click("#mic");
        assertThat(overlay.page.locator("#mic")).hasAttribute("aria-pressed", "false");
        assertEquals(false, overlay.page.evaluate("window.__fakeSpeech.instances.at(-1).running"));
    }

    @Test
    void without_speech_recognition_the_page_says_so_and_the_text_box_works() {
        overlay.page.addInitScript("delete window.SpeechRecognition; delete window.webkitSpeechRecognition;");
        overlay.open().signIn("se@acme.test", meeting("nospeech"));

        assertThat(overlay.page.locator("#mic")).isDisabled();
        assertThat(overlay.page.locator("#speech-note")).containsText("no speech recognition");
        assertThat(overlay.card(overlay.say(NONE))).hasAttribute("data-kind", "none");
    }

    private void assertNoDuplicateCards() {
        List<String> seqs = overlay.cards().evaluateAll("cs => cs.map(c => c.dataset.seq)") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
        assertEquals(seqs.size(), new HashSet<>(seqs).size(), "duplicate cards: " + seqs);
    }
}
