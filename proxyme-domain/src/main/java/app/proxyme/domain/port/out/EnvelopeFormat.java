package app.proxyme.domain.port.out;

import java.util.Map;

/** JSON for envelopes: parsing, writing, and the RFC 8785 (JCS) canonical form that signatures cover. */
public interface EnvelopeFormat {
    /**
     * The JSON tree of a text: maps, lists, strings, numbers, booleans, nulls.
     *
     * @throws app.proxyme.domain.aci.HandoffRefused {@code invalid_envelope} for a text that is not one JSON object
     */
    Map<String, Object> parse(String json);

    /** The RFC 8785 canonical UTF-8 bytes of a JSON tree. */
    byte[] canonical(Map<String, Object> tree);

    /** The JSON text of a tree. */
    String write(Object tree);
}
