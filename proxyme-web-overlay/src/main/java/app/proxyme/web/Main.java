package app.proxyme.web;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code java -jar proxyme.jar [command] [args]}: without a command, starts Proxy Me (REST, WebSocket and the
 * overlay on {@code SERVER_PORT}); with one, runs that command and exits with its status.
 */
public final class Main {
    /** A command-line tool of the jar; returns the process exit status. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args) throws Exception;
    }

    /** The commands besides starting the server: one line each. */
    static Map<String, Command> commands() {
        var commands = new TreeMap<String, Command>();
        commands.put("fga-conformance", FgaFileCommand.conformance());
        commands.put("fga-sync", new FgaSyncCommand());
        commands.put("fga-test", FgaFileCommand.storeTest());
        commands.put("verify-audit", args -> new VerifyAudit().run(args));
        return commands;
    }

    private Main() {}

    /**
     * Carriers of virtual threads. Deciding a chunk is CPU-bound (local inference) and runs on virtual threads, as
     * does Helidon's network I/O; with one carrier per core (the JDK's default) a busy lane would hold the only
     * carrier of a one-core server and stall every connection's I/O behind it, without preemption. More carriers
     * than cores let the operating system share the CPU fairly. Measured in BENCHMARKS.md (capacity).
     */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    /**
     * With embedded identity anyone who reaches the port can sign in as any demo user: the server then listens on
     * 127.0.0.1 only, whatever {@code SERVER_HOST} says, unless {@code PROXYME_DEMO_EXPOSED=true} is set explicitly.
     */
    static void bindDemoToLoopback() {
        String identity = setting("proxyme.identity", "embedded");
        boolean exposed = Boolean.parseBoolean(setting("proxyme.demo.exposed", "false"));
        if (identity.equalsIgnoreCase("embedded") && !exposed) {
            System.setProperty("server.host", "127.0.0.1");
        }
    }

    /** A setting as a system property or (then) its environment variable, before MicroProfile Config runs. */
    private static String setting(String key, String otherwise) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            if (System.getProperty(CARRIERS) == null) {
                System.setProperty(
                        CARRIERS,
                        Integer.toString(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
            }
            bindDemoToLoopback();
            io.helidon.microprofile.cdi.Main.main(args);
            return;
        }
        Command command = commands().get(args[0]);
        if (command == null) {
            System.err.println("unknown command '" + args[0] + "'. Usage: java -jar proxyme.jar ["
                    + String.join("|", commands().keySet()) + "]");
            System.exit(2);
        }
        System.exit(command.run(Arrays.copyOfRange(args, 1, args.length)));
    }
}
