package app.proxyme.domain.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BindingMessageTest {
    @Test
    void is_short_and_uses_only_the_characters_ciba_accepts() {
        String m = BindingMessage.of(
                "pricing",
                "We can offer 30% off — if you sign a 3-year deal (this week!) "
                        + "with more words than fit in sixty four characters at all");
        assertTrue(m.length() <= 64, m);
        assertTrue(m.matches("[A-Za-z0-9+\\-_.,:#]+"), m);
        assertTrue(m.startsWith("Approve:pricing:we-can-offer-30-off"), m);
    }

    @Test
    void an_empty_answer_still_names_the_topic() {
        assertEquals("Approve:legal:", BindingMessage.of("legal", "  !!! "));
    }
}
