package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PolicyCaseTest {
    private static final PolicyCase JAE_DISCOUNT =
            new PolicyCase("What \"discount\" could you give us?", "jae@acme.test", null, "DENY", "fga");

    @Test
    void a_case_is_written_as_the_exported_file_writes_tests() {
        assertEquals("""
                  - text: "What \\"discount\\" could you give us?"
                    member: jae@acme.test
                    expect: {outcome: DENY, layer: fga}
                """, JAE_DISCOUNT.entry());
        assertEquals(
                "  - text: \"hi\"\n    role: junior_ae\n    expect: {outcome: NONE, layer: none}\n",
                new PolicyCase("hi", null, "junior_ae", "NONE", "none").entry());
    }

    @Test
    void a_file_without_tests_gets_the_section_at_its_end() {
        String yaml = "org: acme\n\nrules:\n  - id: r\n    text: \"x\"\n";

        assertEquals(yaml + "\ntests:\n" + JAE_DISCOUNT.entry(), JAE_DISCOUNT.addTo(yaml));
    }

    @Test
    void the_case_goes_after_the_last_case_of_the_section_before_the_next_section() {
        String before = "org: acme\n\ntests:\n  - text: \"a\"\n    role: junior_ae\n    expect: {outcome: DENY}\n";
        String after = "\n# agents\npermissions:\n  read:pii: \"x\"\n";

        assertEquals(before + JAE_DISCOUNT.entry() + after, JAE_DISCOUNT.addTo(before + after));
        assertEquals(before + JAE_DISCOUNT.entry(), JAE_DISCOUNT.addTo(before));
    }

    @Test
    void a_case_is_for_a_member_or_a_role_not_both() {
        assertThrows(IllegalArgumentException.class, () -> new PolicyCase("x", "a@b.c", "r", "DENY", null));
        assertThrows(IllegalArgumentException.class, () -> new PolicyCase("x", null, null, "DENY", null));
        assertThrows(IllegalArgumentException.class, () -> new PolicyCase(" ", "a@b.c", null, "DENY", null));
    }
}
