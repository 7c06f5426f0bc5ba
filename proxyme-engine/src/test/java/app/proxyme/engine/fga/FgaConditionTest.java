package app.proxyme.engine.fga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Condition parameter types and failures the ABAC suite does not reach. */
class FgaConditionTest {
    private static FgaCondition condition(String expression, Object... params) {
        var types = new LinkedHashMap<String, ConditionType>();
        for (int i = 0; i < params.length; i += 2) {
            types.put((String) params[i], (ConditionType) params[i + 1]);
        }
        return new FgaCondition("c", expression, types);
    }

    private static ConditionType type(String name) {
        return new ConditionType(name, null);
    }

    @Test
    void ip_addresses_are_matched_against_cidr_networks_v4_and_v6() {
        var c = condition("ip.in_cidr(net)", "ip", type("ipaddress"), "net", type("string"));

        assertTrue(c.evaluate(Map.of("net", "10.0.0.0/8"), Map.of("ip", "10.20.30.40")));
        assertFalse(c.evaluate(Map.of("net", "10.0.0.0/8"), Map.of("ip", "11.0.0.1")));
        assertTrue(c.evaluate(Map.of("net", "2001:db8::/32"), Map.of("ip", "2001:db8::1")));
        assertFalse(c.evaluate(Map.of("net", "2001:db8::/32"), Map.of("ip", "10.0.0.1")));
        assertThrows(FgaConditionException.class, () -> c.evaluate(Map.of("net", "x"), Map.of("ip", "not-an-ip")));
    }

    @Test
    void durations_timestamps_uints_lists_and_maps_convert_from_json_values() {
        assertTrue(condition("d > duration('1h')", "d", type("duration")).evaluate(Map.of(), Map.of("d", "1h30m")));
        assertTrue(condition("t < timestamp('2030-01-01T00:00:00Z')", "t", type("timestamp"))
                .evaluate(Map.of(), Map.of("t", "2026-12-03T10:00:00Z")));
        assertTrue(condition("u == 7u", "u", type("uint")).evaluate(Map.of(), Map.of("u", 7)));
        assertThrows(
                FgaConditionException.class,
                () -> condition("u == 7u", "u", type("uint")).evaluate(Map.of(), Map.of("u", -7)));
        assertTrue(condition("'EU' in regions", "regions", new ConditionType("list", type("string")))
                .evaluate(Map.of(), Map.of("regions", List.of("US", "EU"))));
        assertTrue(condition("limits['pricing'] > 10", "limits", new ConditionType("map", type("int")))
                .evaluate(Map.of(), Map.of("limits", Map.of("pricing", 50))));
    }

    @Test
    void a_missing_value_names_every_missing_parameter() {
        var c = condition("x < 100 || y < 50", "x", type("int"), "y", type("int"));

        var e = assertThrows(FgaConditionException.class, () -> c.evaluate(Map.of(), Map.of("x", 1)));

        assertEquals(List.of("y"), e.missing());
        assertEquals(FgaException.VALIDATION, e.code());
    }

    @Test
    void an_integer_that_is_not_whole_or_out_of_range_is_refused() {
        var c = condition("x < 100", "x", type("int"));

        assertThrows(FgaConditionException.class, () -> c.evaluate(Map.of(), Map.of("x", 1.5)));
        assertThrows(FgaConditionException.class, () -> c.evaluate(Map.of(), Map.of("x", "9223372036854775808")));
        assertTrue(c.evaluate(Map.of(), Map.of("x", "42")));
    }

    @Test
    void an_expression_that_does_not_compile_or_is_not_boolean_is_refused_with_cels_message() {
        var syntax = assertThrows(IllegalArgumentException.class, () -> condition("x <", "x", type("int")));
        var typing = assertThrows(IllegalArgumentException.class, () -> condition("x + 1", "x", type("int")));
        var unknown = assertThrows(IllegalArgumentException.class, () -> condition("y < 1", "x", type("int")));

        assertTrue(syntax.getMessage().startsWith("condition 'c' does not compile"), syntax.getMessage());
        assertTrue(typing.getMessage().contains("does not compile"), typing.getMessage());
        assertTrue(unknown.getMessage().contains("undeclared reference to 'y'"), unknown.getMessage());
    }

    @Test
    void a_model_naming_an_undefined_condition_is_refused() {
        var e = assertThrows(IllegalArgumentException.class, () -> FgaModel.fromDsl("""
                        model
                          schema 1.1
                        type user
                        type doc
                          relations
                            define viewer: [user with nope]
                        """));

        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
