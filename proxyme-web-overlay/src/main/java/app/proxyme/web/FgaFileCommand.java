package app.proxyme.web;

import app.proxyme.engine.fga.conformance.ConformanceSuite;
import app.proxyme.engine.fga.conformance.StoreTestFile;
import app.proxyme.engine.fga.conformance.TestReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar proxyme.jar fga-conformance FILE} (a file in the format of OpenFGA's own suites) and
 * {@code fga-test FILE.fga.yaml} (a store test file of the OpenFGA CLI's {@code fga model test}): runs it against the
 * embedded engine, prints {@code checks P/N, list-objects P/N} and each failure; exits 0 only when every assertion
 * passes, 1 when one fails, 2 on a usage error or a file that cannot be read.
 */
final class FgaFileCommand implements Main.Command {
    /** Reads and runs one file. */
    @FunctionalInterface
    interface Runner {
        TestReport run(Path file) throws IOException;
    }

    private final String name;
    private final Runner runner;
    private final PrintStream out;
    private final PrintStream err;

    FgaFileCommand(String name, Runner runner, PrintStream out, PrintStream err) {
        this.name = name;
        this.runner = runner;
        this.out = out;
        this.err = err;
    }

    static FgaFileCommand conformance() {
        return new FgaFileCommand("fga-conformance", ConformanceSuite::run, System.out, System.err);
    }

    static FgaFileCommand storeTest() {
        return new FgaFileCommand("fga-test", StoreTestFile::run, System.out, System.err);
    }

    @Override
    public int run(String[] args) {
        if (args.length != 1) {
            err.println("usage: java -jar proxyme.jar " + name + " FILE");
            return 2;
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            err.println(name + ": cannot read " + file);
            return 2;
        }
        TestReport report;
        try {
            report = runner.run(file);
        } catch (IOException | RuntimeException e) {
            err.println(name + ": " + file + ": " + e.getMessage());
            return 2;
        }
        report.failures().forEach(f -> out.println("FAIL " + f));
        out.println(report.summary());
        return report.passed() ? 0 : 1;
    }
}
