package app.proxyme.admin;

import app.proxyme.domain.decision.Decision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A playground case as the policy file's {@code tests:} section writes it ({@code text}, {@code member} or {@code
 * role}, {@code expect: {outcome, layer}}), and the file with the case added at the end of that section (the section
 * is made when the file has none). The file is then imported whole, so the case is validated like any other.
 *
 * @param member the member the case is for, or {@code null}
 * @param role the role the case is for, or {@code null}
 */
record PolicyCase(String text, String member, String role, String outcome, String layer) {
    private static final Pattern SECTION = Pattern.compile("^tests:\\s*(#.*)?$");
    private static final Pattern TOP_LEVEL = Pattern.compile("^[^\\s#-].*");

    PolicyCase {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a case needs the customer's words");
        }
        if ((member == null) == (role == null)) {
            throw new IllegalArgumentException("a case is for a member or for a role");
        }
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The case a dry run's decision makes: what was decided is what is expected from now on. */
    static PolicyCase of(String text, String member, String role, Decision decision) {
        return new PolicyCase(
                text.strip(),
                member,
                role,
                decision.outcome().name(),
                decision.layer().wire());
    }

    /** The entry's lines, indented as the exported file indents them. */
    String entry() {
        var out = new StringBuilder();
        out.append("  - text: ").append(quoted(text)).append('\n');
        if (member != null) {
            out.append("    member: ").append(member).append('\n');
        } else {
            out.append("    role: ").append(role).append('\n');
        }
        out.append("    expect: {outcome: ").append(outcome);
        if (layer != null) {
            out.append(", layer: ").append(layer);
        }
        return out.append("}\n").toString();
    }

    /** {@code yaml} with this case as the last of its {@code tests:} section. */
    String addTo(String yaml) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        boolean endsWithNewline = yaml.endsWith("\n");
        if (endsWithNewline) {
            lines.remove(lines.size() - 1);
        }
        int section = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (SECTION.matcher(lines.get(i)).matches()) {
                section = i;
                break;
            }
        }
        List<String> entry = List.of(entry().split("\n"));
        if (section < 0) {
            var out = new StringBuilder(yaml);
            if (!endsWithNewline && !yaml.isEmpty()) {
                out.append('\n');
            }
            out.append("\ntests:\n");
            entry.forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
        int last = section;
        for (int i = section + 1;
                i < lines.size() && !TOP_LEVEL.matcher(lines.get(i)).matches();
                i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                last = i;
            }
        }
        lines.addAll(last + 1, entry);
        return String.join("\n", lines) + (endsWithNewline ? "\n" : "");
    }

    private static String quoted(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
