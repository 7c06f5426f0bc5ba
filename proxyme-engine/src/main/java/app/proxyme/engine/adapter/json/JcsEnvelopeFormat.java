package app.proxyme.engine.adapter.json;

import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.port.out.EnvelopeFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Envelopes as JSON with Jackson (duplicate member names refused: what is signed must mean one thing), canonical
 * form by {@code org.erdtman.jcs.JsonCanonicalizer} (RFC 8785).
 */
public final class JcsEnvelopeFormat implements EnvelopeFormat {
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public JcsEnvelopeFormat() {
        json.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    @Override
    public Map<String, Object> parse(String text) {
        if (text == null || text.isBlank()) {
            throw HandoffRefused.invalid("envelope", "empty body");
        }
        try {
            Map<String, Object> tree = json.readValue(text, TREE);
            if (tree == null) {
                throw HandoffRefused.invalid("envelope", "not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw HandoffRefused.invalid("envelope", "not one JSON object: " + e.getOriginalMessage());
        }
    }

    @Override
    public byte[] canonical(Map<String, Object> tree) {
        try {
            return new JsonCanonicalizer(json.writeValueAsString(tree)).getEncodedUTF8();
        } catch (IOException e) {
            throw HandoffRefused.invalid("envelope", "no canonical form: " + e.getMessage());
        }
    }

    @Override
    public String write(Object tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
