package app.proxyme.engine.adapter.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.aci.PiiSpan;
import app.proxyme.domain.aci.PiiType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each detector finds its kind with offsets, and its validation turns away look-alikes. */
class LocalPiiScannerTest {
    private final LocalPiiScanner scanner = new LocalPiiScanner();

    private List<PiiType> types(String text) {
        return scanner.scan("content.primary", text).stream().map(PiiSpan::type).toList();
    }

    @Test
    void each_kind_is_found_with_its_offsets() {
        String text = "Write to ana.lopez@example.com, card 4111-1111-1111-1111, IBAN GB82 WEST 1234 5698 7654 32,"
                + " SSN 123-45-6789, host 192.168.10.4 or 2001:db8::8a2e:370:7334, call (650) 253-0000.";

        List<PiiSpan> spans = scanner.scan("content.primary", text);

        assertEquals(
                List.of(PiiType.EMAIL, PiiType.CARD, PiiType.IBAN, PiiType.SSN, PiiType.IP, PiiType.IP, PiiType.PHONE),
                spans.stream().map(PiiSpan::type).toList());
        assertEquals(
                "ana.lopez@example.com",
                text.substring(spans.get(0).start(), spans.get(0).end()));
        assertEquals(
                "GB82 WEST 1234 5698 7654 32",
                text.substring(spans.get(2).start(), spans.get(2).end()));
        assertEquals(
                "(650) 253-0000",
                text.substring(spans.get(6).start(), spans.get(6).end()));
    }

    @Test
    void look_alikes_that_fail_validation_are_not_pii() {
        assertTrue(types("order 4111 1111 1111 1112 shipped").isEmpty(), "Luhn fails");
        assertTrue(types("ref GB82 WEST 1234 5698 7654 33").isEmpty(), "mod 97 fails");
        assertTrue(types("SSN 000-12-3456 and 666-12-3456 and 900-12-3456").isEmpty(), "SSA ranges");
        assertTrue(types("version 300.1.2.4 is out").isEmpty(), "octet over 255");
        assertTrue(types("see item 12:30:45 today").isEmpty(), "a time is no IPv6 address");
        assertTrue(types("we sold 1234 units").isEmpty());
    }
}
