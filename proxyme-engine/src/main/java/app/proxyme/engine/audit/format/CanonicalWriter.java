package app.proxyme.engine.audit.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JSON Canonicalization Scheme) straight from a streaming parser, without building a tree: members
 * sorted by their UTF-16 code units, strings with only the mandatory escapes, numbers in ECMAScript form
 * (integers up to 2^53 directly, everything else through the maintained {@code org.erdtman.jcs} number
 * serializer). Buffers are reused from one value to the next, so that verifying a million events allocates
 * little. Checked against {@code org.erdtman.jcs.JsonCanonicalizer} and the RFC's examples by the tests.
 * Not thread-safe.
 */
public final class CanonicalWriter {
    private static final long EXACT = 1L << 53;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 64;

    private final Level[] levels = new Level[MAX_DEPTH];

    /** One object being canonicalized: its members' names and where their values lie in {@code values}. */
    private static final class Level {
        final Bytes values = new Bytes(256);
        String[] names = new String[16];
        int[] starts = new int[16];
        int[] ends = new int[16];
        Integer[] order = new Integer[16];
        int count;

        void add(String name, int start, int end) {
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                order = Arrays.copyOf(order, count * 2);
            }
            names[count] = name;
            starts[count] = start;
            ends[count] = end;
            count++;
        }
    }

    /** JSON that has no canonical form (or is no JSON object). */
    public static final class Invalid extends IOException {
        Invalid(String message) {
            super(message);
        }
    }

    /** A growable byte buffer. */
    public static final class Bytes {
        byte[] data;
        int length;

        public Bytes(int capacity) {
            data = new byte[capacity];
        }

        public byte[] data() {
            return data;
        }

        public int length() {
            return length;
        }

        public void clear() {
            length = 0;
        }

        void ensure(int more) {
            if (length + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + more));
            }
        }

        void put(byte b) {
            ensure(1);
            data[length++] = b;
        }

        void put(byte[] src, int from, int to) {
            ensure(to - from);
            System.arraycopy(src, from, data, length, to - from);
            length += to - from;
        }

        void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                data[length++] = (byte) s.charAt(i);
            }
        }
    }

    /** Listens to the top-level members of an object as they are read (to pick out fields without a tree). */
    public interface TopLevel {
        /** Whether to leave this member out of the canonical form (it is still read). */
        boolean omit(String name);

        /** A top-level member's value when it is a string or a number ({@code text} is its JSON text). */
        void scalar(String name, JsonToken token, String text);

        /**
         * Reads the value of a member left out ({@link #omit}), the parser standing on its first token; skips it
         * unless overridden.
         */
        default void omitted(String name, JsonParser p) throws IOException {
            p.skipChildren();
        }

        /** A listener for the members of the object value of {@code name} (canonicalized as usual), or none. */
        default TopLevel nested(String name) {
            return null;
        }
    }

    public CanonicalWriter() {
        for (int i = 0; i < MAX_DEPTH; i++) {
            levels[i] = new Level();
        }
    }

    /**
     * Reads the object the parser stands on ({@link JsonToken#START_OBJECT}) to its end and appends its canonical
     * form to {@code out}.
     *
     * @throws IOException malformed JSON, duplicate member names, numbers JSON cannot carry, lone surrogates
     */
    public void object(JsonParser p, Bytes out, TopLevel top) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new Invalid("not a JSON object at " + p.currentLocation());
        }
        object(p, 0, out, top);
    }

    private void object(JsonParser p, int depth, Bytes out, TopLevel top) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new Invalid("JSON nested too deeply");
        }
        Level level = levels[depth];
        level.values.clear();
        level.count = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken valueToken = p.nextToken();
            if (top != null) {
                if (valueToken == JsonToken.VALUE_STRING || valueToken.isNumeric()) {
                    top.scalar(name, valueToken, p.getText());
                }
                if (top.omit(name)) {
                    top.omitted(name, p);
                    continue;
                }
            }
            int start = level.values.length;
            TopLevel nested = top != null && valueToken == JsonToken.START_OBJECT ? top.nested(name) : null;
            if (nested != null) {
                object(p, depth + 1, level.values, nested);
            } else {
                value(p, valueToken, depth, level.values);
            }
            level.add(name, start, level.values.length);
        }
        if (t != JsonToken.END_OBJECT) {
            throw new Invalid("unexpected " + t + " in an object");
        }
        int n = level.count;
        for (int i = 0; i < n; i++) {
            level.order[i] = i;
        }
        String[] names = level.names;
        Arrays.sort(level.order, 0, n, (a, b) -> names[a].compareTo(names[b]));
        out.put((byte) '{');
        for (int k = 0; k < n; k++) {
            int i = level.order[k];
            if (k > 0) {
                out.put((byte) ',');
                if (names[i].equals(names[level.order[k - 1]])) {
                    throw new Invalid("duplicate member name: " + names[i]);
                }
            }
            string(names[i], out);
            out.put((byte) ':');
            out.put(level.values.data, level.starts[i], level.ends[i]);
        }
        out.put((byte) '}');
        for (int i = 0; i < n; i++) {
            names[i] = null;
        }
    }

    private void value(JsonParser p, JsonToken t, int depth, Bytes out) throws IOException {
        switch (t) {
            case START_OBJECT -> object(p, depth + 1, out, null);
            case START_ARRAY -> {
                out.put((byte) '[');
                boolean first = true;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == null) {
                        throw new Invalid("unterminated array");
                    }
                    if (!first) {
                        out.put((byte) ',');
                    }
                    first = false;
                    value(p, e, depth, out);
                }
                out.put((byte) ']');
            }
            case VALUE_STRING -> string(p.getText(), out);
            case VALUE_NUMBER_INT -> number(p, true, out);
            case VALUE_NUMBER_FLOAT -> number(p, false, out);
            case VALUE_TRUE -> out.ascii("true");
            case VALUE_FALSE -> out.ascii("false");
            case VALUE_NULL -> out.ascii("null");
            default -> throw new Invalid("unexpected " + t);
        }
    }

    private static void number(JsonParser p, boolean integral, Bytes out) throws IOException {
        if (integral && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long v = p.getLongValue();
            if (v > -EXACT && v < EXACT) {
                out.ascii(Long.toString(v));
                return;
            }
        }
        double d = p.getDoubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Invalid("number out of range for JSON: " + p.getText());
        }
        out.ascii(NumberToJSON.serializeNumber(d));
    }

    /** A JSON string as RFC 8785 writes it: UTF-8, escaping only quote, backslash and control characters. */
    static void string(String s, Bytes out) throws IOException {
        out.ensure(s.length() * 3 + 2);
        byte[] d = out.data;
        int n = out.length;
        d[n++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                d[n++] = (byte) c;
            } else if (c < 0x80) {
                out.length = n;
                escape(c, out);
                out.ensure((s.length() - i) * 3 + 2);
                d = out.data;
                n = out.length;
            } else if (c < 0x800) {
                d[n++] = (byte) (0xC0 | (c >> 6));
                d[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c)
                        || i + 1 >= s.length()
                        || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new Invalid("lone surrogate in a string");
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.length = n;
                out.ensure(4 + (s.length() - i) * 3 + 1);
                d = out.data;
                d[n++] = (byte) (0xF0 | (cp >> 18));
                d[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                d[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                d[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                d[n++] = (byte) (0xE0 | (c >> 12));
                d[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                d[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out.length = n;
        out.put((byte) '"');
    }

    private static void escape(char c, Bytes out) {
        out.ensure(6);
        switch (c) {
            case '"' -> out.ascii("\\\"");
            case '\\' -> out.ascii("\\\\");
            case '\b' -> out.ascii("\\b");
            case '\f' -> out.ascii("\\f");
            case '\n' -> out.ascii("\\n");
            case '\r' -> out.ascii("\\r");
            case '\t' -> out.ascii("\\t");
            default -> {
                out.ascii("\\u00");
                out.put(HEX[c >> 4]);
                out.put(HEX[c & 0xF]);
            }
        }
    }
}
