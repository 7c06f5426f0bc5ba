package app.proxyme.engine.policy.file;

import app.proxyme.domain.policy.PolicyProblem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where things are in a YAML file: the line of every key and list item by path ({@code roles.junior_ae.auto},
 * {@code roles.junior_ae.auto[1]}, rules also by id as {@code rules.<id>}), and the keys that appear twice in one
 * mapping. Lets a validation message that names a path point at its line.
 */
public final class YamlLines {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> values = new java.util.LinkedHashMap<>();
    /** {@code rules.<id>} to {@code rules[<index>]}, so that messages may name a rule by its id. */
    private final Map<String, String> aliases = new HashMap<>();

    private final List<PolicyProblem> duplicates = new ArrayList<>();

    private YamlLines() {}

    /** Scans the text; assumes it is valid YAML (parse it first). */
    public static YamlLines of(String yaml) {
        var y = new YamlLines();
        try (JsonParser p = YAML.createParser(yaml)) {
            y.scan(p);
        } catch (IOException e) {
            // the parse reports the syntax error; lines found so far still help
        }
        return y;
    }

    private void scan(JsonParser p) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        String path = "";
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            int line = p.currentTokenLocation().getLineNr();
            Frame top = stack.peek();
            if (t == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String keyPath = join(top.path, key);
                if (!top.keys.add(key)) {
                    duplicates.add(new PolicyProblem(line, keyPath + ": '" + key + "' appears twice"));
                }
                lines.putIfAbsent(keyPath, line);
                top.pendingKey = key;
                continue;
            }
            String here = top == null ? "" : top.childPath();
            if (top != null && top.isArray) {
                lines.putIfAbsent(here, line);
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                stack.push(new Frame(here, t == JsonToken.START_ARRAY));
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                stack.pop();
            } else {
                values.put(here, p.getText());
                if (here.matches("rules\\[\\d+]\\.id")) {
                    String rule = here.substring(0, here.indexOf('.'));
                    lines.putIfAbsent("rules." + p.getText(), lines.getOrDefault(rule, line));
                    aliases.putIfAbsent("rules." + p.getText(), rule);
                }
            }
            if (top != null) {
                top.advance();
            }
        }
    }

    /** Duplicate keys, each with its line. */
    List<PolicyProblem> duplicates() {
        return duplicates;
    }

    /**
     * The line a message {@code "path: text"} refers to: the list item holding the value the text quotes, else the
     * path's key, else its nearest parent's; {@code 1} when nothing matches.
     */
    public int lineOf(String message) {
        int colon = message.indexOf(": ");
        String path = resolve(colon < 0 ? "" : message.substring(0, colon));
        int q = message.indexOf('\'', colon + 1);
        int q2 = q < 0 ? -1 : message.indexOf('\'', q + 1);
        if (q2 > q) {
            String quoted = message.substring(q + 1, q2);
            for (var e : values.entrySet()) {
                if (e.getValue().equals(quoted) && within(e.getKey(), path) && lines.containsKey(e.getKey())) {
                    return lines.get(e.getKey());
                }
            }
        }
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    /** The path with a rule named by id ({@code rules.<id>...}) named by its place ({@code rules[i]...}). */
    private String resolve(String path) {
        String best = null;
        for (String alias : aliases.keySet()) {
            if (within(path, alias) && (best == null || alias.length() > best.length())) {
                best = alias;
            }
        }
        return best == null ? path : aliases.get(best) + path.substring(best.length());
    }

    /** Whether {@code path} is {@code ancestor} or lies below it. */
    private static boolean within(String path, String ancestor) {
        return ancestor.isEmpty()
                || path.equals(ancestor)
                || path.startsWith(ancestor + ".")
                || path.startsWith(ancestor + "[");
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An open mapping or list while scanning. */
    private static final class Frame {
        final String path;
        final boolean isArray;
        final Set<String> keys = new HashSet<>();
        String pendingKey;
        int index;

        Frame(String path, boolean isArray) {
            this.path = path;
            this.isArray = isArray;
        }

        String childPath() {
            return isArray ? path + "[" + index + "]" : join(path, pendingKey == null ? "" : pendingKey);
        }

        void advance() {
            if (isArray) {
                index++;
            }
        }
    }
}
