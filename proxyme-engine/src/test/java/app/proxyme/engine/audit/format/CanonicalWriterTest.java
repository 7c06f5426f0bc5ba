package app.proxyme.engine.audit.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;
import org.junit.jupiter.api.Test;

/**
 * RFC 8785 as both canonicalizers implement it (the maintained {@code org.erdtman.jcs} one that hashes appended
 * events, and the streaming one of the offline verifier), checked against the RFC's own examples.
 */
class CanonicalWriterTest {
    private static final JsonFactory JSON = new JsonFactory();

    static String streaming(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            var out = new CanonicalWriter.Bytes(64);
            new CanonicalWriter().object(p, out, null);
            return new String(out.data(), 0, out.length(), StandardCharsets.UTF_8);
        }
    }

    static String maintained(String json) throws IOException {
        return new JsonCanonicalizer(json).getEncodedString();
    }

    private static void assertBoth(String expected, String input) throws IOException {
        assertEquals(expected, maintained(input), "org.erdtman.jcs");
        assertEquals(expected, streaming(input), "CanonicalWriter");
    }

    @Test
    void the_rfcs_sample_object_with_numbers_strings_and_literals() throws IOException {
        // RFC 8785 section 3.2.2: whitespace removed, members sorted, numbers in ES6 form, minimal escapes
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertBoth(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
                input);
    }

    @Test
    void members_are_sorted_by_utf16_code_units() throws IOException {
        // RFC 8785 section 3.2.3: the emoji's surrogate pair sorts before U+FB33, CR before the digit
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        assertBoth(
                "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
                input);
    }

    @Test
    void numbers_follow_the_rfcs_ieee754_table() throws IOException {
        // RFC 8785 appendix B: IEEE 754 bit patterns and their canonical text
        String[][] table = {
            {"0000000000000000", "0"},
            {"8000000000000000", "0"},
            {"0000000000000001", "5e-324"},
            {"8000000000000001", "-5e-324"},
            {"7fefffffffffffff", "1.7976931348623157e+308"},
            {"ffefffffffffffff", "-1.7976931348623157e+308"},
            {"4340000000000000", "9007199254740992"},
            {"c340000000000000", "-9007199254740992"},
            {"4430000000000000", "295147905179352830000"},
            {"44b52d02c7e14af5", "9.999999999999997e+22"},
            {"44b52d02c7e14af6", "1e+23"},
            {"44b52d02c7e14af7", "1.0000000000000001e+23"},
            {"444b1ae4d6e2ef4e", "999999999999999700000"},
            {"444b1ae4d6e2ef4f", "999999999999999900000"},
            {"444b1ae4d6e2ef50", "1e+21"},
            {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
            {"3eb0c6f7a0b5ed8d", "0.000001"},
            {"41b3de4355555553", "333333333.3333332"},
            {"41b3de4355555554", "333333333.33333325"},
            {"41b3de4355555555", "333333333.3333333"},
            {"41b3de4355555556", "333333333.3333334"},
            {"41b3de4355555557", "333333333.33333343"},
            {"becbf647612f3696", "-0.0000033333333333333333"},
            {"43143ff3c1cb0959", "1424953923781206.2"},
        };
        for (String[] row : table) {
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            assertEquals(row[1], NumberToJSON.serializeNumber(d), row[0]);
            // the text denotes exactly that double (read back independently of both canonicalizers)
            assertEquals(Math.abs(d), Math.abs(new java.math.BigDecimal(row[1]).doubleValue()), row[0]);
            String text = d == 0 ? (row[0].startsWith("8") ? "-0" : "0") : Double.toString(d);
            assertBoth("{\"n\":" + row[1] + "}", "{\"n\":" + text + "}");
        }
        assertBoth(
                "{\"i\":-9007199254740991,\"j\":9007199254740992}", "{\"i\":-9007199254740991,\"j\":9007199254740993}");
    }

    @Test
    void numbers_json_cannot_carry_are_refused() {
        assertThrows(IOException.class, () -> streaming("{\"n\":1e400}"));
        assertThrows(IOException.class, () -> streaming("{\"a\":1,\"a\":2}"));
        assertThrows(IOException.class, () -> streaming("{\"s\":\"\\ud800\"}"));
    }

    @Test
    void the_streaming_form_equals_the_maintained_one_on_random_events() throws IOException {
        var random = new Random(8785);
        for (int i = 0; i < 2000; i++) {
            String json = RandomJson.object(random, 0);
            assertEquals(maintained(json), streaming(json), json);
        }
    }
}
