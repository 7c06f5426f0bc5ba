package app.proxyme.engine.audit;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.AuditHead;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.domain.audit.ExportQuery;
import app.proxyme.domain.audit.RevealScope;
import app.proxyme.domain.audit.SeqSpan;
import app.proxyme.domain.audit.UnreadableAuditEvent;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.ReviewAudit;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditReader;
import app.proxyme.engine.audit.format.AuditCsv;
import app.proxyme.engine.audit.format.AuditJson;
import app.proxyme.engine.audit.seal.CheckpointSeal;
import app.proxyme.engine.audit.verify.ChainCheck;
import app.proxyme.engine.meeting.MeetingRecords;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The use cases "export the audit trail" and "verify the audit trail". Only admins and the compliance reviewer
 * export or verify their organisation's whole trail; a participant exports only meetings they took part in; other
 * organisations' data does not exist for the caller. Exports stream from the database page by page, and each
 * export is itself recorded (after the span it covers is fixed, so it is not part of its own file).
 */
public final class AuditTrail implements ReviewAudit {
    static final int PAGE = 1000;

    private final AuditReader reader;
    private final AuditLog log;
    private final MeetingRecords meetings;
    private final CheckpointSeal seal;

    public AuditTrail(AuditReader reader, AuditLog log, MeetingRecords meetings, CheckpointSeal seal) {
        this.reader = reader;
        this.log = log;
        this.meetings = meetings;
        this.seal = seal;
    }

    /** An export ready to be written: its span is fixed and the export already recorded. */
    public final class Export implements AuditExport {
        private final String org;
        private final ExportQuery query;
        private final long fromSeq;
        private final long toSeq;
        private final RevealScope scope;

        private Export(String org, ExportQuery query, long fromSeq, long toSeq, RevealScope scope) {
            this.org = org;
            this.scope = scope;
            this.query = query;
            this.fromSeq = fromSeq;
            this.toSeq = toSeq;
        }

        @Override
        public String format() {
            return query.format();
        }

        /**
         * Writes the events, oldest first, one per line; never holds more than a page in memory. A meeting's export
         * whose first event links to an event retention pruned starts with the checkpoint that vouches for it.
         */
        @Override
        public void writeTo(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            boolean csv = query.format().equals("csv");
            if (csv) {
                w.write(AuditCsv.HEADER);
                w.write("\r\n");
            }
            if (query.meeting() != null) {
                Optional<AuditRecord> checkpoint = vouching(org, query.meeting(), fromSeq, toSeq);
                if (checkpoint.isPresent()) {
                    w.write(csv ? AuditCsv.line(checkpoint.get()) : AuditJson.toJson(checkpoint.get()));
                    w.write(csv ? "\r\n" : "\n");
                }
            }
            forEach(org, query.meeting(), fromSeq, toSeq, stored -> {
                AuditRecord r = scope.apply(stored);
                w.write(csv ? AuditCsv.line(r) : AuditJson.toJson(r));
                w.write(csv ? "\r\n" : "\n");
            });
            w.flush();
        }
    }

    /** What to do with each record of a walk through the chain. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(AuditRecord record) throws IOException;
    }

    /**
     * Authorizes and prepares an export, and records it.
     *
     * @throws DomainException {@code FORBIDDEN} for the whole trail without the role, {@code NOT_FOUND} for a
     *     meeting the caller may not read
     */
    @Override
    public Export export(Member caller, ExportQuery query) {
        if (query.meeting() == null) {
            requireReviewer(caller);
        } else {
            meetings.requireVisible(caller, query.meeting());
        }
        return exportFor(caller.org(), caller.email(), query, RevealScope.of(caller));
    }

    /**
     * Prepares and records an export for an already authorized reader ({@code actor}), who gets the hidden texts of
     * {@code scope}.
     */
    Export exportFor(String org, String actor, ExportQuery query, RevealScope scope) {
        AuditHead head = reader.head(org);
        long lo = query.fromSeq() == null ? 1 : query.fromSeq();
        long hi = Math.min(head.seq(), query.toSeq() == null ? Long.MAX_VALUE : query.toSeq());
        if (query.hasTimeRange()) {
            Instant from = query.from() == null ? Instant.EPOCH : query.from();
            Instant to = query.to() == null ? Instant.ofEpochMilli(Long.MAX_VALUE) : query.to();
            Optional<SeqSpan> span = reader.span(org, from, to);
            lo = Math.max(lo, span.map(SeqSpan::from).orElse(Long.MAX_VALUE));
            hi = Math.min(hi, span.map(SeqSpan::to).orElse(0L));
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("format", query.format());
        detail.put("fromSeq", lo);
        detail.put("toSeq", hi);
        if (query.from() != null) {
            detail.put("from", AuditJson.timestamp(query.from()));
        }
        if (query.to() != null) {
            detail.put("to", AuditJson.timestamp(query.to()));
        }
        log.append(List.of(new AuditEntry(
                AuditType.EXPORT,
                org,
                query.meeting(),
                actor.contains("@") ? actor : null,
                actor,
                null,
                null,
                null,
                detail)));
        return new Export(org, query, lo, hi, scope);
    }

    /**
     * Verifies the caller's organisation's whole chain against its head. A chain that retention has pruned must
     * start right after a checkpoint, signed with the audit key, that names the pruned prefix's last seq and hash.
     */
    @Override
    public ChainVerdict verify(Member caller) {
        requireReviewer(caller);
        String org = caller.org();
        AuditHead head = reader.head(org);
        if (head.seq() == 0) {
            return new ChainVerdict(true, 0, AuditRecord.GENESIS, "prev", null, 0, 0, null);
        }
        var check = new ChainCheck(ChainCheck.Mode.ORGANISATION);
        var first = new AuditRecord[1];
        var sealed = new boolean[1];
        var read = new long[1];
        try {
            forEach(org, null, 1, head.seq(), r -> {
                if (first[0] == null) {
                    first[0] = r;
                }
                if (r.entry().type() == AuditType.CHECKPOINT && seals(org, r, first[0])) {
                    sealed[0] = true;
                }
                check.accept(ChainCheck.linkOf(r));
                read[0]++;
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (UnreadableAuditEvent bad) {
            return unreadable(check, read[0], bad);
        }
        ChainVerdict v = check.verdict(head.hash());
        if (v.ok() && first[0] != null && first[0].seq() > 1 && !sealed[0]) {
            return new ChainVerdict(
                    false,
                    v.events(),
                    v.head(),
                    "prev",
                    first[0].id(),
                    first[0].seq(),
                    1,
                    "the chain starts at seq " + first[0].seq() + " without a signed checkpoint for what precedes it");
        }
        return v;
    }

    /**
     * Verifies one meeting's chain (by {@code meetingPrev}) as its export reads: from genesis, or — for a meeting
     * that retention cut — from the hash that a checkpoint signed with the audit key vouches for.
     *
     * @throws DomainException {@code NOT_FOUND} for a meeting the caller may not read
     */
    @Override
    public ChainVerdict verifyMeeting(Member caller, String meeting) {
        meetings.requireVisible(caller, meeting);
        String org = caller.org();
        AuditHead head = reader.head(org);
        var check = new ChainCheck(ChainCheck.Mode.MEETING, seal);
        var read = new long[1];
        try {
            Optional<AuditRecord> checkpoint = vouching(org, meeting, 1, head.seq());
            if (checkpoint.isPresent()) {
                check.accept(ChainCheck.linkOf(checkpoint.get()));
                read[0]++;
            }
            forEach(org, meeting, 1, head.seq(), r -> {
                check.accept(ChainCheck.linkOf(r));
                read[0]++;
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (UnreadableAuditEvent bad) {
            return unreadable(check, read[0], bad);
        }
        return check.verdict(null);
    }

    /**
     * The checkpoint that vouches for where the meeting's events in {@code [fromSeq, toSeq]} start, when the first
     * of them links to a pruned event: the latest checkpoint, signed with the audit key, that names that link.
     */
    private Optional<AuditRecord> vouching(String org, String meeting, long fromSeq, long toSeq) {
        List<AuditRecord> first = reader.page(org, meeting, fromSeq - 1, toSeq, 1);
        if (first.isEmpty() || AuditRecord.GENESIS.equals(first.get(0).meetingPrev())) {
            return Optional.empty();
        }
        String link = first.get(0).meetingPrev();
        AuditRecord found = null;
        long after = 0;
        while (true) {
            List<AuditRecord> page = reader.checkpoints(org, after, PAGE);
            for (AuditRecord cp : page) {
                var named = ChainCheck.checkpointOf(cp);
                if (named != null
                        && named.meetings() != null
                        && link.equals(named.meetings().get(meeting))
                        && seal.valid(named)) {
                    found = cp;
                }
            }
            if (page.size() < PAGE) {
                return Optional.ofNullable(found);
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /** The verdict when the chain's next event cannot be read: the first break before it, else that event. */
    private static ChainVerdict unreadable(ChainCheck check, long read, UnreadableAuditEvent bad) {
        if (read > 0) {
            ChainVerdict before = check.verdict(null);
            if (!before.ok()) {
                return before;
            }
        }
        return new ChainVerdict(false, read + 1, null, "prev", bad.id(), bad.seq(), read + 1, bad.getMessage(), null);
    }

    /** The public key (JWK set) that checks retention checkpoints' signatures. */
    @Override
    public java.util.Map<String, Object> checkpointKeys() {
        return seal.publicJwks();
    }

    private boolean seals(String org, AuditRecord checkpoint, AuditRecord first) {
        var d = checkpoint.entry().detail();
        return d.get("lastPrunedSeq") instanceof Number n
                && n.longValue() == first.seq() - 1
                && first.prev().equals(d.get("lastPrunedHash"))
                && seal.verify(org, d);
    }

    /** Walks the organisation's events (or a meeting's) with {@code fromSeq <= seq <= toSeq}, page by page. */
    public void forEach(String org, String meeting, long fromSeq, long toSeq, RecordSink sink) throws IOException {
        long after = fromSeq - 1;
        while (after < toSeq) {
            List<AuditRecord> page = reader.page(org, meeting, after, toSeq, PAGE);
            for (AuditRecord r : page) {
                sink.accept(r);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    private static void requireReviewer(Member caller) {
        Access.require(caller, Capability.REVIEW_AUDIT);
    }
}
