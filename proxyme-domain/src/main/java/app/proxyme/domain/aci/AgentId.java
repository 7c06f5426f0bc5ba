package app.proxyme.domain.aci;

import java.util.regex.Pattern;

/** Validation of agent ids ({@code finance-advisor}): {@code [a-z0-9-]{2,40}}. */
public final class AgentId {
    /** The built-in origin agent that starts chains for users. */
    public static final String PROXYME = "proxyme";

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,40}");

    private AgentId() {}

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String require(String id) {
        if (!valid(id)) {
            throw new IllegalArgumentException("agent id must match " + ID.pattern() + ": " + id);
        }
        return id;
    }
}
