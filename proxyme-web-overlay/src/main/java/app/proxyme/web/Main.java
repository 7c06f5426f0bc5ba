package app.proxyme.web;

/**
 * {@code java -jar proxyme.jar}: starts Proxy Me (REST, WebSocket and the overlay on {@code SERVER_PORT}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.err.println("unknown command '" + args[0] + "'. Usage: java -jar proxyme.jar");
            System.exit(2);
        }
        io.helidon.microprofile.cdi.Main.main(args);
    }
}
