package app.proxyme.engine.policy.file;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a policy document as YAML, deterministically: same document, same bytes. Sections in a fixed order
 * (org, name, domains, context, topics, roles, members, rules, tests, permissions, grants, settings), entries in the
 * document's order, free text double-quoted, identifiers plain. What {@link PolicyFiles#parse} reads back is the same
 * document.
 *
 * <p>What a file may leave out is written only when the document has it, so that a file without it exports as
 * before: the sections domains, tests, permissions and grants when empty; a member's {@code subject} when the file
 * gave none (the default {@code auth0|<email>} is not invented); a rule's {@code enabled} when the file said nothing;
 * a rule's {@code compiled} form where the file put it (beside the text or under {@code compiled}).
 */
public final class PolicyYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.@/-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private PolicyYaml() {}

    public static String write(PolicyDocument doc) {
        var out = new StringBuilder();
        out.append("org: ").append(plain(doc.org())).append('\n');
        if (doc.name() != null) {
            out.append("name: ").append(quoted(doc.name())).append('\n');
        }
        if (!doc.domains().isEmpty()) {
            out.append('\n');
            flow(out, "", "domains", doc.domains());
        }
        context(doc, out);
        topics(doc, out);
        roles(doc, out);
        members(doc, out);
        rules(doc, out);
        tests(doc, out);
        permissions(doc, out);
        grants(doc, out);
        settings(doc, out);
        return out.toString();
    }

    private static void topics(PolicyDocument doc, StringBuilder out) {
        out.append("\ntopics:").append(doc.topics().isEmpty() ? " {}\n" : "\n");
        doc.topics().forEach((id, t) -> {
            out.append("  ").append(plain(id)).append(":\n");
            out.append("    description: ")
                    .append(quoted(t.description() == null ? "" : t.description()))
                    .append('\n');
            block(out, "    ", "examples", t.examples());
            block(out, "    ", "playbook", t.playbook());
        });
    }

    private static void roles(PolicyDocument doc, StringBuilder out) {
        out.append("\nroles:").append(doc.roles().isEmpty() ? " {}\n" : "\n");
        doc.roles().forEach((role, spec) -> {
            out.append("  ").append(plain(role)).append(':');
            if (spec.auto().isEmpty()
                    && spec.approve().isEmpty()
                    && spec.deny().isEmpty()
                    && spec.autoWhen().isEmpty()) {
                out.append(" {}\n");
                return;
            }
            out.append('\n');
            flow(out, "    ", "auto", spec.auto());
            flow(out, "    ", "approve", spec.approve());
            flow(out, "    ", "deny", spec.deny());
            if (!spec.autoWhen().isEmpty()) {
                out.append("    auto_when:\n");
                spec.autoWhen()
                        .forEach((topic, expression) -> out.append("      ")
                                .append(plain(topic))
                                .append(": ")
                                .append(quoted(expression))
                                .append('\n'));
            }
        });
    }

    private static void context(PolicyDocument doc, StringBuilder out) {
        if (doc.context().isEmpty()) {
            return;
        }
        out.append("\ncontext:\n");
        doc.context()
                .forEach((name, type) -> out.append("  ")
                        .append(plain(name))
                        .append(": ")
                        .append(plain(type))
                        .append('\n'));
    }

    private static void members(PolicyDocument doc, StringBuilder out) {
        out.append("\nmembers:").append(doc.members().isEmpty() ? " {}\n" : "\n");
        doc.members().forEach((email, m) -> {
            out.append("  ").append(plain(email)).append(": {role: ").append(plain(m.role()));
            if (m.name() != null) {
                out.append(", name: ").append(quoted(m.name()));
            }
            if (m.subject() != null) {
                out.append(", subject: ").append(quoted(m.subject()));
            }
            out.append("}\n");
        });
    }

    private static void rules(PolicyDocument doc, StringBuilder out) {
        out.append("\nrules:").append(doc.rules().isEmpty() ? " []\n" : "\n");
        for (var r : doc.rules()) {
            out.append("  - id: ").append(plain(r.id())).append('\n');
            out.append("    text: ").append(quoted(r.text())).append('\n');
            out.append("    scope: ").append(plain(r.scope())).append('\n');
            if (r.subject() != null) {
                out.append("    subject: ").append(plain(r.subject())).append('\n');
            }
            if (r.enabled() != null) {
                out.append("    enabled: ").append(r.enabled()).append('\n');
            }
            String indent = "    ";
            if (r.form() == PolicyDocument.RuleForm.COMPILED) {
                out.append("    compiled:\n");
                indent = "      ";
            }
            if (r.effect() != null) {
                out.append(indent).append("effect: ").append(plain(r.effect())).append('\n');
            }
            flow(out, indent, "topics", r.topics());
            block(out, indent, "phrases", r.phrases());
            block(out, indent, "entities", r.compiled().entities());
        }
    }

    private static void tests(PolicyDocument doc, StringBuilder out) {
        if (doc.tests().isEmpty()) {
            return;
        }
        out.append("\ntests:\n");
        for (var t : doc.tests()) {
            out.append("  - text: ").append(quoted(t.text())).append('\n');
            if (t.member() != null) {
                out.append("    member: ").append(plain(t.member())).append('\n');
            }
            if (t.role() != null) {
                out.append("    role: ").append(plain(t.role())).append('\n');
            }
            if (!t.context().isEmpty()) {
                var values = new StringBuilder();
                t.context()
                        .forEach((name, value) -> values.append(values.isEmpty() ? "" : ", ")
                                .append(plain(name))
                                .append(": ")
                                .append(scalar(value)));
                out.append("    context: {").append(values).append("}\n");
            }
            out.append("    expect: {outcome: ").append(plain(t.outcome()));
            if (t.layer() != null) {
                out.append(", layer: ").append(plain(t.layer()));
            }
            out.append("}\n");
        }
    }

    private static void permissions(PolicyDocument doc, StringBuilder out) {
        if (doc.permissions().isEmpty()) {
            return;
        }
        out.append("\npermissions:\n");
        doc.permissions()
                .forEach((name, description) -> out.append("  ")
                        .append(plain(name))
                        .append(": ")
                        .append(quoted(description))
                        .append('\n'));
    }

    private static void grants(PolicyDocument doc, StringBuilder out) {
        if (doc.grants().isEmpty()) {
            return;
        }
        out.append("\ngrants:\n");
        doc.grants().forEach((role, permissions) -> {
            if (permissions.isEmpty()) {
                out.append("  ").append(plain(role)).append(": []\n");
            } else {
                flow(out, "  ", plain(role), permissions);
            }
        });
    }

    /** Every non-null setting, in the order the settings record declares them. */
    private static void settings(PolicyDocument doc, StringBuilder out) {
        var lines = new StringBuilder();
        for (RecordComponent c : PolicyDocument.SettingsSpec.class.getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(doc.settings());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value != null) {
                lines.append("  ")
                        .append(c.getName())
                        .append(": ")
                        .append(scalar(value))
                        .append('\n');
            }
        }
        out.append("\nsettings:").append(lines.isEmpty() ? " {}\n" : "\n" + lines);
    }

    /** A setting's or a case's value: a double always with its point (read back as a double), text double-quoted. */
    private static String scalar(Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replaceFirst("^(-?\\d+)$", "$1.0");
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException("settings are scalars");
        }
        return quoted(String.valueOf(value));
    }

    private static void flow(StringBuilder out, String indent, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append(indent).append(key).append(": [");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(plain(values.get(i)));
        }
        out.append("]\n");
    }

    private static void block(StringBuilder out, String indent, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append(indent).append(key).append(":\n");
        values.forEach(v -> out.append(indent).append("  - ").append(quoted(v)).append('\n'));
    }

    /** An identifier as a plain scalar when YAML reads it back unchanged, quoted otherwise. */
    static String plain(String s) {
        if (s != null && PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))) {
            return s;
        }
        return quoted(s);
    }

    /** A double-quoted YAML scalar. */
    static String quoted(String s) {
        if (s == null) {
            return "null";
        }
        var b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20
                            || c == 0x7f
                            || (c >= 0x80 && c <= 0x9f)
                            || c == '\u2028'
                            || c == '\u2029'
                            || c == '\ufeff') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
