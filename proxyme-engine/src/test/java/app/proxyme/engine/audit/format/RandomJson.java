package app.proxyme.engine.audit.format;

import java.util.Random;

/** Random JSON text with nasty strings, keys and numbers, for comparing canonicalizers. */
final class RandomJson {
    private static final String[] PIECES = {
        "a",
        "Z",
        "é",
        "€",
        "\ud83d\ude00",
        "\u0001",
        "\u001f",
        "\"",
        "\\",
        "/",
        "\n",
        "\t",
        "\u007f",
        "\u2028",
        "\ufb33",
        " ",
        "1",
        "_",
        "\u0080",
        "ö"
    };

    private RandomJson() {}

    static String object(Random r, int depth) {
        var sb = new StringBuilder("{");
        int n = r.nextInt(depth == 0 ? 12 : 5);
        var used = new java.util.HashSet<String>();
        for (int i = 0; i < n; i++) {
            String key = text(r);
            if (!used.add(key)) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quoted(key)).append(':').append(value(r, depth));
        }
        return sb.append('}').toString();
    }

    private static String value(Random r, int depth) {
        return switch (r.nextInt(depth > 3 ? 5 : 7)) {
            case 0 -> quoted(text(r));
            case 1 -> Long.toString(r.nextLong() >> r.nextInt(64));
            case 2 ->
                Double.toString(Double.longBitsToDouble(r.nextLong()) % 1e300)
                        .replace("NaN", "0.5")
                        .replace("Infinity", "1");
            case 3 -> r.nextBoolean() ? "true" : "false";
            case 4 -> r.nextBoolean() ? "null" : Double.toString(r.nextDouble() * 1000);
            case 5 -> object(r, depth + 1);
            default -> {
                var sb = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(value(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
        };
    }

    private static String text(Random r) {
        var sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    static String quoted(String s) {
        var sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04X", (int) c));
            } else if (c > 0x7e && c % 3 == 0) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
