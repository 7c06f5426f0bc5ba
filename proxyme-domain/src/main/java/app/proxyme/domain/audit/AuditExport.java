package app.proxyme.domain.audit;

import java.io.IOException;
import java.io.OutputStream;

/** An authorized export, already recorded, ready to be streamed: its span is fixed when it is created. */
public interface AuditExport {
    /** {@code jsonl} or {@code csv}. */
    String format();

    /** Writes the events, oldest first, one per line, without holding the whole trail in memory. */
    void writeTo(OutputStream out) throws IOException;
}
