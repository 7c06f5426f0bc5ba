package app.proxyme.engine.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.engine.audit.format.AuditJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline verifier on genuine exports and on each kind of tampering. */
class AuditStreamVerifierTest {
    private final List<AuditRecord> chain = SampleChain.build("acme", 60, 3);
    private final List<String> org = SampleChain.lines(chain);

    /** Verifies with the streaming verifier, and asserts that the parallel one (small blocks) agrees. */
    private static ChainVerdict verify(List<String> lines, String head) throws IOException {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ChainVerdict v = new AuditStreamVerifier().verify(new ByteArrayInputStream(bytes), ChainCheck.Mode.ANY, head);
        for (int block : new int[] {100, 1000, 1 << 20}) {
            ChainVerdict parallel = new ParallelAuditVerifier(3, block)
                    .verify(new ByteArrayInputStream(bytes), ChainCheck.Mode.ANY, head);
            assertEquals(v.ok(), parallel.ok(), "parallel, block " + block);
            assertEquals(v.firstBad(), parallel.firstBad(), "parallel, block " + block);
            assertEquals(v.position(), parallel.position(), "parallel, block " + block);
        }
        return v;
    }

    private List<String> meeting(String id) {
        return chain.stream()
                .filter(r -> id.equals(r.entry().meeting()))
                .map(AuditJson::toJson)
                .toList();
    }

    @Test
    void a_genuine_organisation_export_is_intact_and_ends_at_its_head() throws IOException {
        ChainVerdict v = verify(org, chain.get(59).hash());
        assertTrue(v.ok(), v.toString());
        assertEquals(60, v.events());
        assertEquals("prev", v.by());
        assertEquals(chain.get(59).hash(), v.head());
    }

    @Test
    void the_streaming_hash_is_the_hash_the_log_computed() throws IOException {
        for (AuditRecord r : chain) {
            assertEquals(r.hash(), AuditJson.hash(AuditJson.fromJson(AuditJson.toJson(r))));
        }
        assertTrue(verify(org.subList(0, 1), null).ok());
    }

    @Test
    void a_seq_range_verifies_by_prev() throws IOException {
        ChainVerdict v = verify(org.subList(20, 45), null);
        assertTrue(v.ok(), v.toString());
        assertEquals("prev", v.by());
    }

    @Test
    void one_meetings_export_verifies_by_meeting_prev() throws IOException {
        ChainVerdict v = verify(meeting("m1"), null);
        assertTrue(v.ok(), v.toString());
        assertEquals("meetingPrev", v.by());
    }

    @Test
    void a_hidden_text_is_committed_by_its_digest_and_verified_when_revealed() throws IOException {
        AuditRecord chunk = chain.get(0);
        assertEquals("chunk", chunk.entry().type().wire());
        String line = org.get(0);
        assertTrue(line.indexOf("\"reveal\":{") > line.indexOf("\"hash\":"), "the reveal follows the hash: " + line);
        assertFalse(chunk.entry().detail().containsKey("text"), "the text is not in the hashed part");
        assertEquals(chunk.hash(), AuditJson.hash(chunk.withoutReveal()), "the reveal is outside the hash");
        assertTrue(ChainCheck.linkOf(chunk).revealMatches());

        var edited = new ArrayList<>(org);
        edited.set(20, edited.get(20).replace("enterprise plan", "starter plan"));
        ChainVerdict v = verify(edited, null);
        assertFalse(v.ok(), "an edited revealed text is found");
        assertEquals(chain.get(20).id(), v.firstBad());
        assertTrue(v.reason().contains("reveal"), v.reason());
        var tampered = AuditJson.fromJson(edited.get(20));
        assertFalse(ChainCheck.linkOf(tampered).revealMatches(), "the server's check finds it too");

        var hidden =
                chain.stream().map(r -> AuditJson.toJson(r.withoutReveal())).toList();
        assertFalse(hidden.get(0).contains("reveal"));
        ChainVerdict withoutTexts = verify(hidden, chain.get(59).hash());
        assertTrue(withoutTexts.ok(), "the chain verifies without the texts: " + withoutTexts);
    }

    @Test
    void an_edited_field_is_found() throws IOException {
        var lines = new ArrayList<>(org);
        lines.set(31, lines.get(31).replace("\"outcome\":\"DENY\"", "\"outcome\":\"AUTO\""));
        ChainVerdict v = verify(lines, null);
        assertFalse(v.ok());
        assertEquals(chain.get(31).id(), v.firstBad());
        assertTrue(v.reason().contains("edited"), v.reason());

        var detail = new ArrayList<>(meeting("m2"));
        int chunk = detail.get(3).contains("two hundred") ? 3 : 4;
        detail.set(chunk, detail.get(chunk).replace("two hundred", "two thousand"));
        ChainVerdict m = verify(detail, null);
        assertFalse(m.ok());
        assertEquals(AuditJson.fromJson(detail.get(chunk)).id(), m.firstBad());
    }

    @Test
    void an_edited_hash_breaks_the_next_link() throws IOException {
        var lines = new ArrayList<>(org);
        AuditRecord r = chain.get(10);
        lines.set(10, lines.get(10).replace(r.hash(), "f".repeat(64)));
        ChainVerdict v = verify(lines, null);
        assertFalse(v.ok());
        assertEquals(r.id(), v.firstBad());
    }

    @Test
    void a_deleted_event_is_found() throws IOException {
        var lines = new ArrayList<>(org);
        lines.remove(25);
        ChainVerdict v = verify(lines, null);
        assertFalse(v.ok());
        assertEquals(chain.get(26).id(), v.firstBad());

        var m = new ArrayList<>(meeting("m1"));
        String removed = m.remove(4);
        ChainVerdict vm = verify(m, null);
        assertFalse(vm.ok());
        assertEquals("meetingPrev", vm.by());
        assertTrue(vm.reason().contains("meetingPrev"), vm.reason() + " after removing " + removed);

        var first = new ArrayList<>(meeting("m1"));
        first.remove(0);
        assertFalse(verify(first, null).ok(), "a meeting export without its first event");
    }

    @Test
    void a_reordering_is_found() throws IOException {
        var lines = new ArrayList<>(org);
        Collections.swap(lines, 40, 41);
        ChainVerdict v = verify(lines, null);
        assertFalse(v.ok());
        assertEquals(chain.get(41).id(), v.firstBad());

        var m = new ArrayList<>(meeting("m0"));
        Collections.swap(m, 2, 3);
        assertFalse(verify(m, null).ok());
    }

    @Test
    void a_truncated_tail_is_found_only_with_the_expected_head() throws IOException {
        var truncated = org.subList(0, 55);
        assertTrue(verify(truncated, null).ok());
        ChainVerdict v = verify(truncated, chain.get(59).hash());
        assertFalse(v.ok());
        assertTrue(v.reason().contains("truncated"), v.reason());
    }

    @Test
    void an_event_of_the_first_seq_must_start_at_genesis() throws IOException {
        var lines = new ArrayList<>(org);
        lines.set(0, lines.get(0).replace(AuditRecord.GENESIS, "1".repeat(64)));
        assertFalse(verify(lines, null).ok());
    }

    @Test
    void garbage_and_empty_files_are_not_intact() throws IOException {
        var lines = new ArrayList<>(org.subList(0, 5));
        lines.add("{\"id\": oops");
        ChainVerdict v = verify(lines, null);
        assertFalse(v.ok());
        assertEquals(6, v.position());
        assertFalse(verify(List.of(), null).ok());
        assertFalse(verify(List.of(org.get(0).replace("{\"id\"", "{\"seq\":7,\"id\"")), null)
                .ok());
    }
}
