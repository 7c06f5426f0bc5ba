package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.port.out.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit: concurrent {@code append} calls wait in a queue; one committer thread takes everything waiting (up
 * to a batch limit), appends it to the chain in a single transaction, and only after the commit hands each caller
 * its records. So each caller still returns only once its events are durable, the chain keeps the queue's order,
 * and a burst costs one commit instead of one per caller. If a batch fails, its callers are retried one by one, so
 * that only the faulty append fails. Each caller's events get their ids when they are queued, so a retry after a
 * commit whose outcome is unknown (the connection lost while it was acknowledged) finds them if they were stored,
 * and hands them back instead of appending them twice.
 * Whatever fails reaches its caller as {@code DependencyUnavailableException("audit", ...)}, as the port promises,
 * and then none of its events is in the chain.
 */
final class GroupCommitAuditLog implements AuditLog, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GroupCommitAuditLog.class.getName());
    static final int MAX_BATCH = 1000;

    private final JpaAuditLog log;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    private record Pending(List<AuditEntry> entries, List<String> ids, CompletableFuture<List<AuditRecord>> done) {}

    private static final Pending STOP = new Pending(List.of(), List.of(), new CompletableFuture<>());

    GroupCommitAuditLog(JpaAuditLog log) {
        this.log = log;
        this.committer = Thread.ofPlatform().daemon().name("audit-group-commit").start(this::commitLoop);
    }

    @Override
    public List<AuditRecord> append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        if (closed) {
            throw new DependencyUnavailableException(AuditLog.DEPENDENCY, "the audit log is closed");
        }
        // a detail that cannot be serialized fails its own caller here, instead of a whole batch
        entries.forEach(e -> app.proxyme.engine.audit.format.AuditJson.detailJson(e.detail()));
        var pending = new Pending(
                List.copyOf(entries),
                entries.stream().map(e -> app.proxyme.domain.Ids.next("ev")).toList(),
                new CompletableFuture<>());
        queue.add(pending);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    // queued entries are committed whatever the caller does: wait for the outcome, so that an
                    // interrupted caller is not told "failed" about events that are in the chain
                    return pending.done().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A failed commit as the port promises it: {@code DependencyUnavailableException("audit", ...)}. */
    private static DependencyUnavailableException unavailable(Throwable cause) {
        if (cause instanceof DependencyUnavailableException d && d.dependency().equals(AuditLog.DEPENDENCY)) {
            return d;
        }
        String why = cause instanceof DependencyUnavailableException d
                ? d.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new DependencyUnavailableException(
                AuditLog.DEPENDENCY, "the events were not recorded (" + why + ")", cause);
    }

    @Override
    public List<AuditRecord> meeting(String org, String meetingId) {
        return log.meeting(org, meetingId);
    }

    @Override
    public List<AuditRecord> latestChunks(String org, String meetingId, String user, int limit) {
        return log.latestChunks(org, meetingId, user, limit);
    }

    private void commitLoop() {
        var batch = new ArrayList<Pending>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the committer, by the STOP marker
            }
            int events = batch.get(0).entries().size();
            Pending next;
            while (events < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
                events += next.entries().size();
            }
            boolean stop = batch.remove(STOP);
            commit(batch);
            batch.clear();
            if (stop) {
                failRemaining();
                return;
            }
        }
    }

    private void commit(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var all = new ArrayList<AuditEntry>();
        var ids = new ArrayList<String>();
        batch.forEach(p -> {
            all.addAll(p.entries());
            ids.addAll(p.ids());
        });
        List<AuditRecord> records;
        try {
            records = log.append(all, ids, false);
            commits.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "audit batch of " + batch.size() + " appends failed ("
                            + e.getClass().getSimpleName()
                            + "); retrying them one by one, keeping what is already stored");
            batch.forEach(p -> retry(p, e));
            return;
        }
        int at = 0;
        for (Pending p : batch) {
            int n = p.entries().size();
            p.done().complete(records.subList(at, at + n));
            at += n;
        }
    }

    /** Appends one caller's events on their own, unless the failed batch stored them after all. */
    private void retry(Pending p, RuntimeException batchFailure) {
        try {
            p.done().complete(log.append(p.entries(), p.ids(), true));
            commits.incrementAndGet();
        } catch (RuntimeException e) {
            if (e != batchFailure) {
                e.addSuppressed(batchFailure);
            }
            p.done().completeExceptionally(e);
        }
    }

    /** The chain this log commits to (tests). */
    JpaAuditLog chain() {
        return log;
    }

    /** Appends waiting for the committer (tests). */
    int queued() {
        return queue.size();
    }

    /** Transactions committed so far (for tests and measurements). */
    long commits() {
        return commits.get();
    }

    private void failRemaining() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done()
                    .completeExceptionally(
                            new DependencyUnavailableException(AuditLog.DEPENDENCY, "the audit log is closed"));
        }
    }

    /** Commits what is queued, then stops the committer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
