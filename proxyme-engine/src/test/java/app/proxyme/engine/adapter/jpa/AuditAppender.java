package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Child process of the kill test: appends audit events forever and prints {@code ACK <seq>} for each one once
 * {@code append} has returned. Arguments: JDBC url, user, password, organisation.
 */
public final class AuditAppender {
    private AuditAppender() {}

    public static void main(String[] args) {
        var db = Database.open(args[0], args[1], args[2]);
        var log = db.auditLog(Clock.systemUTC());
        System.out.println("READY");
        System.out.flush();
        for (long i = 0; ; i++) {
            String meeting = "m" + (i % 3);
            var records = log.append(List.of(new AuditEntry(
                    AuditType.CHUNK,
                    args[3],
                    meeting,
                    "jae@acme.test",
                    "engine",
                    null,
                    null,
                    null,
                    Map.of("chunkSeq", i))));
            System.out.println("ACK " + records.get(0).seq());
            System.out.flush();
        }
    }
}
