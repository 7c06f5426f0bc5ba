package app.proxyme.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.PolicyProblem;
import app.proxyme.engine.policy.file.PolicyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code settings.auditRetentionDays}: optional, a whole number of days, at least 30 — so that one admin cannot have
 * the trail erased by the next retention run.
 */
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
    void retention_must_be_a_whole_number_of_days() throws IOException {
        for (String bad : new String[] {"1.5", "\"ten\""}) {
            var e = assertThrows(
                    PolicyFiles.InvalidPolicyException.class,
                    () -> PolicyFiles.parse(globexWith("  auditRetentionDays: " + bad)),
                    bad);
            assertTrue(
                    e.problems().stream().anyMatch(p -> p.contains("auditRetentionDays")),
                    e.problems().toString());
        }
    }

    @Test
    void retention_below_thirty_days_is_refused_with_its_line() throws IOException {
        for (String bad : new String[] {"1", "29", "0", "-3"}) {
            String yaml = globexWith("  auditRetentionDays: " + bad);
            int line = yaml.substring(0, yaml.indexOf("  auditRetentionDays:")).split("\n", -1).length;
            var e = assertThrows(PolicyFiles.InvalidPolicyException.class, () -> PolicyFiles.parse(yaml), bad);
            assertEquals(
                    List.of(new PolicyProblem(
                            line,
                            "settings.auditRetentionDays: must be at least 30 days"
                                    + " (leave it out to keep events for ever)")),
                    e.errors(),
                    bad);
        }
        assertEquals(
                30,
                PolicyFiles.parse(globexWith("  auditRetentionDays: 30"))
                        .settings()
                        .auditRetentionDays());
    }
}
