package app.proxyme.web.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a phone finds the server, and when it cannot. */
class PhoneReachTest {
    private static final URI OVERLAY = URI.create("http://127.0.0.1:8080/");

    @Test
    void a_demo_on_the_loopback_interface_cannot_be_reached_unless_a_public_url_is_set() {
        var demo = new PhoneReach(Optional.empty(), true);
        assertFalse(demo.reachable());
        assertEquals("http://127.0.0.1:8080", demo.base(OVERLAY));

        var proxied = new PhoneReach(Optional.of(PhoneReach.parse("https://proxyme.example.com/")), true);
        assertTrue(proxied.reachable());
        assertEquals("https://proxyme.example.com", proxied.base(OVERLAY));

        assertTrue(new PhoneReach(Optional.empty(), false).reachable(), "listening beyond the loopback interface");
    }

    @Test
    void a_public_url_must_be_an_http_address_without_query_or_fragment() {
        for (String bad :
                new String[] {"proxyme.example.com", "ftp://x.test", "https://x.test/?a=1", "https://x.test/#f"}) {
            var e = assertThrows(IllegalStateException.class, () -> PhoneReach.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("PROXYME_PUBLIC_URL"), e.getMessage());
        }
    }
}
