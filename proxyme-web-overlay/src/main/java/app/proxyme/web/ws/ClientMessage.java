package app.proxyme.web.ws;

import app.proxyme.domain.chunk.Chunk;
import app.proxyme.web.app.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** A client → server message, parsed and validated; bad input becomes a {@link BadMessage} with its code. */
sealed interface ClientMessage {
    /** The largest message accepted: a 4000-character chunk with room for JSON escaping and fields. */
    int MAX_BYTES = 64 * 1024;

    record ChunkMessage(long seq, String speaker, String text, boolean isFinal) implements ClientMessage {}

    record Toggle(String topic, boolean enabled) implements ClientMessage {}

    record Decide(String approvalId, boolean approve) implements ClientMessage {}

    record Ping() implements ClientMessage {}

    /** Meeting values ({@code {"type":"context","values":{"deal_size":30000}}}); {@code null} clears one. */
    record Context(java.util.Map<String, Object> values) implements ClientMessage {}

    /** A draft asked for an unsure chunk ({@code {"type":"draft","seq":12}}). */
    record Draft(long seq) implements ClientMessage {}

    /** The user's answer to an ACI consent ({@code {"type":"consent_decide","consentId":"cs_…","decision":"ALLOW"}}). */
    record ConsentDecide(String consentId, app.proxyme.domain.aci.ConsentDecision decision) implements ClientMessage {}

    /** Why a message was refused: {@code code} is one of PROTOCOL.md's error codes. */
    final class BadMessage extends RuntimeException {
        final String code;

        BadMessage(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    static ClientMessage parse(String raw) {
        if (raw.length() > MAX_BYTES) {
            throw new BadMessage("too_large", "message larger than " + MAX_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new BadMessage("bad_request", "not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadMessage("bad_request", "a message is a JSON object");
        }
        String type = text(node, "type");
        return switch (type) {
            case "chunk" -> chunk(node);
            case "toggle" -> new Toggle(text(node, "topic"), bool(node, "enabled"));
            case "approve" -> new Decide(text(node, "approvalId"), true);
            case "deny" -> new Decide(text(node, "approvalId"), false);
            case "ping" -> new Ping();
            case "draft" -> new Draft(seq(node));
            case "context" -> context(node);
            case "consent_decide" -> consentDecide(node);
            default -> throw new BadMessage("bad_request", "unknown type '" + type + "'");
        };
    }

    private static ConsentDecide consentDecide(JsonNode node) {
        String decision = text(node, "decision");
        try {
            return new ConsentDecide(text(node, "consentId"), app.proxyme.domain.aci.ConsentDecision.valueOf(decision));
        } catch (IllegalArgumentException e) {
            throw new BadMessage("bad_request", "field 'decision' is ALLOW, ALLOW_ONCE or DENY");
        }
    }

    /** The message's {@code seq}: a non-negative integer. */
    private static long seq(JsonNode node) {
        JsonNode seq = node.get("seq");
        if (seq == null || seq.isNull()) {
            throw new BadMessage("bad_request", "field 'seq' is required");
        }
        if (!seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 0) {
            throw new BadMessage("bad_seq", "field 'seq' must be a non-negative integer");
        }
        return seq.asLong();
    }

    private static ChunkMessage chunk(JsonNode node) {
        long seq = seq(node);
        String text = text(node, "text");
        if (text.length() > Chunk.MAX_TEXT) {
            throw new BadMessage("too_large", "field 'text' is longer than " + Chunk.MAX_TEXT + " characters");
        }
        JsonNode speaker = node.get("speaker");
        if (speaker != null && !speaker.isNull() && !speaker.isTextual()) {
            throw new BadMessage("bad_request", "field 'speaker' must be a string");
        }
        String speakerText = speaker == null || speaker.isNull() ? "" : speaker.asText();
        if (speakerText.length() > 200) {
            throw new BadMessage("too_large", "field 'speaker' is longer than 200 characters");
        }
        JsonNode fin = node.get("final");
        boolean isFinal = fin == null || fin.isNull() || fin.asBoolean(true);
        return new ChunkMessage(seq, speakerText, text, isFinal);
    }

    /** The values as JSON gives them: whole numbers, numbers, strings, booleans or null; nothing nested. */
    private static Context context(JsonNode node) {
        JsonNode values = node.get("values");
        if (values == null || values.isNull()) {
            throw new BadMessage("bad_request", "field 'values' is required");
        }
        if (!values.isObject()) {
            throw new BadMessage("bad_request", "field 'values' must be an object");
        }
        var map = new java.util.LinkedHashMap<String, Object>();
        values.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw new BadMessage("bad_request", "field 'values." + e.getKey() + "' must be a single value");
            }
            map.put(
                    e.getKey(),
                    v.isNull()
                            ? null
                            : v.isIntegralNumber()
                                    ? (Object) v.bigIntegerValue()
                                    : v.isNumber()
                                            ? (Object) v.doubleValue()
                                            : v.isBoolean() ? v.asBoolean() : v.asText());
        });
        return new Context(map);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadMessage("bad_request", "field '" + field + "' is required");
        }
        if (!v.isTextual()) {
            throw new BadMessage("bad_request", "field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadMessage("bad_request", "field '" + field + "' is required");
        }
        if (!v.isBoolean()) {
            throw new BadMessage("bad_request", "field '" + field + "' must be true or false");
        }
        return v.asBoolean();
    }
}
