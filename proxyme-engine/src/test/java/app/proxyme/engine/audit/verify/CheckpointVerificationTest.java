package app.proxyme.engine.audit.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.engine.audit.format.AuditJson;
import app.proxyme.engine.audit.seal.CheckpointKeys;
import app.proxyme.engine.audit.seal.CheckpointSeal;
import app.proxyme.engine.testsupport.TestKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline verification of what retention leaves: a chain that starts right after a signed checkpoint. */
class CheckpointVerificationTest {
    /** A 40-event chain, a checkpoint (seq 41) for seq 30 signed by {@code seal}, and the events 31.. left. */
    private static List<String> pruned(CheckpointSeal seal) {
        var chain = new ArrayList<>(SampleChain.build("acme", 40, 3));
        AuditRecord last = chain.get(39);
        AuditRecord named = chain.get(29);
        var detail = new LinkedHashMap<String, Object>();
        detail.put("lastPrunedSeq", 30L);
        detail.put("lastPrunedHash", named.hash());
        CheckpointSeal.Sealed sealed = seal.sign("acme", 30, named.hash());
        detail.put("keyId", sealed.keyId());
        detail.put("signature", sealed.signature());
        var entry = new AuditEntry(AuditType.CHECKPOINT, "acme", null, null, "engine", null, null, null, detail);
        Instant ts = last.ts().plusMillis(5);
        String hash = AuditJson.hash("ev_checkpoint", 41, ts, entry, last.hash(), null);
        chain.add(new AuditRecord("ev_checkpoint", 41, ts, entry, last.hash(), null, hash));
        return SampleChain.lines(chain.subList(30, 41));
    }

    private static ChainVerdict verify(List<String> lines, ChainCheck.SealCheck seals) throws IOException {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new ParallelAuditVerifier(2).verify(new ByteArrayInputStream(bytes), ChainCheck.Mode.ANY, null, seals);
    }

    private static CheckpointKeys keysOf(CheckpointSeal seal) throws IOException {
        String jwks = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(seal.publicJwks());
        return CheckpointKeys.read(new ByteArrayInputStream(jwks.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_pruned_chain_verifies_from_its_signed_checkpoint() throws Exception {
        var seal = TestKeys.seal();
        var lines = pruned(seal);
        ChainVerdict withoutKeys = verify(lines, null);
        assertTrue(withoutKeys.ok(), withoutKeys.toString());
        assertTrue(withoutKeys.anchor().startsWith("checkpoint seq 41"), withoutKeys.anchor());
        ChainVerdict withKeys = verify(lines, keysOf(seal));
        assertTrue(withKeys.ok(), withKeys.toString());
        assertTrue(withKeys.anchor().contains("signature valid"), withKeys.anchor());
    }

    @Test
    void a_checkpoint_signed_by_another_key_or_a_missing_one_fails_with_keys() throws Exception {
        var seal = TestKeys.seal();
        var published = TestKeys.seal();
        ChainVerdict forged = verify(pruned(seal), keysOf(published));
        assertFalse(forged.ok());
        assertEquals("ev_checkpoint", forged.firstBad());

        var withoutCheckpoint = pruned(published).subList(0, 10);
        assertTrue(verify(withoutCheckpoint, null).ok(), "a range is accepted without keys");
        ChainVerdict strict = verify(withoutCheckpoint, keysOf(published));
        assertFalse(strict.ok());
        assertTrue(strict.reason().contains("no checkpoint"), strict.reason());
    }
}
