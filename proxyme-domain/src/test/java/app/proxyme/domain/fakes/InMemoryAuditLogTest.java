package app.proxyme.domain.fakes;

import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.contract.AuditLogContractTest;
import java.time.Clock;

/** The in-memory audit log keeps the audit log's contract. */
class InMemoryAuditLogTest extends AuditLogContractTest {
    @Override
    protected AuditLog log(Clock clock) {
        return new InMemoryStores.Audit(clock);
    }
}
