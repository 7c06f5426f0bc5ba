package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.engine.audit.verify.SampleChain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code verify-audit} command: exit status and what it prints. */
class VerifyAuditTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<AuditRecord> chain = SampleChain.build("acme", 30, 2);

    private int run(List<String> lines, String... extra) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        var args = new ArrayList<String>();
        args.add(file.toString());
        args.addAll(List.of(extra));
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new VerifyAudit(print, print).run(args.toArray(String[]::new));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void an_intact_export_exits_0() throws Exception {
        assertEquals(0, run(SampleChain.lines(chain), "--head", chain.get(29).hash()));
        assertTrue(printed().startsWith("OK: 30 events intact, linked by prev"), printed());
    }

    @Test
    void a_tampered_export_exits_1_and_names_the_first_broken_event() throws Exception {
        var lines = new ArrayList<>(SampleChain.lines(chain));
        lines.set(12, lines.get(12).replace("jae@acme.test", "mgr@acme.test"));
        assertEquals(1, run(lines));
        assertTrue(printed().contains("first broken event: " + chain.get(12).id() + " (seq 13, line 13)"), printed());
    }

    @Test
    void a_truncated_tail_exits_1_with_the_expected_head() throws Exception {
        assertEquals(
                1,
                run(
                        SampleChain.lines(chain).subList(0, 29),
                        "--head",
                        chain.get(29).hash()));
        assertTrue(printed().contains("truncated"), printed());
    }

    @Test
    void bad_usage_and_missing_files_exit_2() throws Exception {
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(2, new VerifyAudit(print, print).run(new String[0]));
        assertEquals(2, new VerifyAudit(print, print).run(new String[] {
                    dir.resolve("nope.jsonl").toString()
                }));
        assertTrue(Main.commands().containsKey("verify-audit"));
    }
}
