package app.proxyme.engine.audit.verify;

import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.engine.audit.format.CanonicalWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Verifies a JSON Lines audit export as it streams by: each event is canonicalized and hashed as it is parsed,
 * then checked as a link of the chain. Memory stays flat whatever the size of the export. Needs only jackson-core
 * and the JDK, so that the command-line verifier starts fast. See {@link ParallelAuditVerifier} for big files.
 */
public final class AuditStreamVerifier {
    private final JsonFactory json = new JsonFactory();
    private final LinkReader reader = new LinkReader();

    /**
     * Reads the export to its end (or to the first event that cannot be read) and returns the verdict.
     *
     * @param expectedHead the hash the last event must have, or {@code null}
     * @throws IOException when the stream cannot be read
     */
    public ChainVerdict verify(InputStream in, ChainCheck.Mode mode, String expectedHead) throws IOException {
        return verify(in, mode, expectedHead, null);
    }

    /** As {@link #verify(InputStream, ChainCheck.Mode, String)}, checking checkpoint signatures with {@code seals}. */
    public ChainVerdict verify(InputStream in, ChainCheck.Mode mode, String expectedHead, ChainCheck.SealCheck seals)
            throws IOException {
        var check = new ChainCheck(mode, seals);
        long position = 0;
        try (JsonParser p = json.createParser(in)) {
            while (true) {
                try {
                    JsonToken t = p.nextToken();
                    if (t == null) {
                        break;
                    }
                    position++;
                    check.accept(reader.link(p));
                } catch (JsonProcessingException e) {
                    return unreadable(position, e.getOriginalMessage());
                } catch (CanonicalWriter.Invalid e) {
                    return unreadable(position, e.getMessage());
                }
            }
        }
        return check.verdict(expectedHead);
    }

    static ChainVerdict unreadable(long position, String why) {
        return new ChainVerdict(
                false,
                position,
                null,
                null,
                null,
                0,
                position,
                "event " + position + " is not a valid JSON event: " + why);
    }
}
