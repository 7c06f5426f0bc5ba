package app.proxyme.engine.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwksTest {
    /** The example key of RFC 7638, section 3.1, and the thumbprint the RFC gives for it. */
    private static final String RFC_N =
            "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6t"
                    + "Soc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQ"
                    + "MicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ"
                    + "-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    private static final String RFC_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    @Test
    void key_ids_are_rfc_7638_thumbprints() throws Exception {
        var d = Base64.getUrlDecoder();
        var key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(
                        new RSAPublicKeySpec(new BigInteger(1, d.decode(RFC_N)), new BigInteger(1, d.decode("AQAB"))));
        assertEquals(RFC_THUMBPRINT, Jwks.thumbprint(key));
    }

    @Test
    void a_published_set_reads_back_to_the_same_keys() throws Exception {
        var gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        var a = (RSAPublicKey) gen.generateKeyPair().getPublic();
        var b = (RSAPublicKey) gen.generateKeyPair().getPublic();
        Map<String, Object> set = Jwks.set(Map.of(Jwks.thumbprint(a), a, Jwks.thumbprint(b), b));
        assertEquals(2, ((List<?>) set.get("keys")).size());

        var read = Jwks.readRsa(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(set));

        assertEquals(Map.of(Jwks.thumbprint(a), a, Jwks.thumbprint(b), b), read);
    }

    @Test
    void text_that_is_not_a_key_set_is_refused() {
        assertThrows(java.text.ParseException.class, () -> Jwks.readRsa("{\"keys\":\"nope\"}"));
    }
}
