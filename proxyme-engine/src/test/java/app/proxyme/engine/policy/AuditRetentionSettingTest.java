package app.proxyme.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.engine.policy.file.PolicyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code settings.auditRetentionDays}: optional, a whole number of days, at least 1. */
class AuditRetentionSettingTest {
    private static String globexWith(String settings) throws IOException {
        try (var in = PolicyFiles.class.getResourceAsStream("/policies/globex.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\nsettings:\n" + settings + "\n";
        }
    }

    @Test
    void retention_is_optional_and_parsed_when_given() throws IOException {
        assertNull(PolicyFiles.demo("globex").settings().auditRetentionDays());
        assertEquals(
                365,
                PolicyFiles.parse(globexWith("  auditRetentionDays: 365"))
                        .settings()
                        .auditRetentionDays());
    }

    @Test
    void retention_must_be_a_whole_number_of_at_least_one_day() throws IOException {
        for (String bad : new String[] {"0", "-3", "1.5", "\"ten\""}) {
            var e = assertThrows(
                    PolicyFiles.InvalidPolicyException.class,
                    () -> PolicyFiles.parse(globexWith("  auditRetentionDays: " + bad)),
                    bad);
            assertTrue(
                    e.problems().stream().anyMatch(p -> p.contains("auditRetentionDays")),
                    e.problems().toString());
        }
    }
}
