package app.proxyme.web;

import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.engine.audit.seal.CheckpointKeys;
import app.proxyme.engine.audit.verify.ChainCheck;
import app.proxyme.engine.audit.verify.ParallelAuditVerifier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code verify-audit FILE.jsonl [--head HASH] [--keys JWKS.json]}: checks an audit export offline (an
 * organisation's, a {@code seq} range, or one meeting's), prints the result and the first broken event, and exits 0
 * only when it is intact. With {@code --keys} (the JWK set of {@code GET /api/audit/checkpoint-keys}), a chain that
 * retention pruned must start right after a checkpoint signed by one of those keys.
 * Starts no server and loads little: the JDK, jackson-core and the verifier.
 */
final class VerifyAudit implements Main.Command {
    private final PrintStream out;
    private final PrintStream err;

    VerifyAudit(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    VerifyAudit() {
        this(System.out, System.err);
    }

    @Override
    public int run(String[] args) throws IOException {
        Path file = null;
        String head = null;
        Path keys = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--head") && i + 1 < args.length) {
                head = args[++i].trim().toLowerCase(java.util.Locale.ROOT);
            } else if (args[i].equals("--keys") && i + 1 < args.length) {
                keys = Path.of(args[++i]);
            } else if (!args[i].startsWith("--") && file == null) {
                file = Path.of(args[i]);
            } else {
                return usage();
            }
        }
        if (file == null) {
            return usage();
        }
        CheckpointKeys seals = null;
        if (keys != null) {
            try (InputStream in = Files.newInputStream(keys)) {
                seals = CheckpointKeys.read(in);
            } catch (IOException e) {
                err.println("verify-audit: cannot read the checkpoint keys " + keys + ": " + e.getMessage());
                return 2;
            }
        }
        ChainVerdict v;
        try (InputStream in = new BufferedInputStream(
                file.toString().equals("-") ? System.in : Files.newInputStream(file), 1 << 16)) {
            v = new ParallelAuditVerifier(Runtime.getRuntime().availableProcessors())
                    .verify(in, ChainCheck.Mode.ANY, head, seals);
        } catch (NoSuchFileException e) {
            err.println("verify-audit: no such file: " + file);
            return 2;
        }
        if (v.ok()) {
            out.println("OK: " + v.events() + " events intact, linked by " + v.by() + "; head " + v.head()
                    + (head == null ? " (pass --head to detect a truncated tail)" : " (as expected)"));
            out.println("  starts at " + v.anchor());
            return 0;
        }
        out.println("BROKEN: " + v.reason());
        if (v.firstBad() != null) {
            out.println("  first broken event: " + v.firstBad() + " (seq " + v.firstBadSeq() + ", line " + v.position()
                    + ")");
        } else if (v.position() > 0) {
            out.println("  at line " + v.position());
        }
        out.println("  events read: " + v.events() + (v.by() == null ? "" : ", checked as linked by " + v.by()));
        return 1;
    }

    private int usage() {
        err.println("usage: java -jar proxyme.jar verify-audit FILE.jsonl [--head HASH] [--keys JWKS.json]"
                + "   (FILE '-' reads stdin)");
        return 2;
    }
}
