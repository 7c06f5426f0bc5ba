package app.proxyme.domain.fakes;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.SuggestionStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * In-memory fakes of the storage ports, faithful to their contracts (CAS decide, per-organisation hash chains); each
 * passes its port's contract test in {@code app.proxyme.domain.port.out.contract}.
 */
public final class InMemoryStores {
    private InMemoryStores() {}

    public static final class Suggestions implements SuggestionStore {
        /** Every suggestion as it stands now, by id. */
        private final Map<String, Suggestion> byId = new LinkedHashMap<>();
        /** Saves fail, as a database that went down after the audit append. */
        public volatile boolean writesFail;

        @Override
        public synchronized void save(Suggestion s) {
            if (writesFail) {
                throw new DependencyUnavailableException("database", "down (fake)");
            }
            byId.put(s.id(), s);
        }

        @Override
        public synchronized Optional<Suggestion> byApproval(String approvalId) {
            return byId.values().stream()
                    .filter(s -> approvalId.equals(s.approvalId()))
                    .findFirst();
        }

        /** The chunks whose draft on request is claimed: org, meeting, user and seq. */
        private final java.util.Set<List<Object>> draftClaims = new java.util.HashSet<>();

        @Override
        public synchronized boolean claimDraft(String org, String meetingId, String user, long chunkSeq) {
            return draftClaims.add(List.of(org, meetingId, user, chunkSeq));
        }

        @Override
        public synchronized void releaseDraft(String org, String meetingId, String user, long chunkSeq) {
            draftClaims.remove(List.of(org, meetingId, user, chunkSeq));
        }

        /** Who holds a pending approval's claim, and since when, by approval id. */
        private final Map<String, Map.Entry<String, Instant>> claims = new HashMap<>();

        @Override
        public synchronized Optional<Suggestion> claim(
                String approvalId, String claim, Instant at, Instant takeOverBefore) {
            Optional<Suggestion> s = byApproval(approvalId);
            if (s.isEmpty() || !s.get().isPending()) {
                return Optional.empty();
            }
            var holder = claims.get(approvalId);
            if (holder != null
                    && !holder.getKey().equals(claim)
                    && !holder.getValue().isBefore(takeOverBefore)) {
                return Optional.empty();
            }
            claims.put(approvalId, Map.entry(claim, at));
            return s;
        }

        @Override
        public synchronized void release(String approvalId, String claim) {
            var holder = claims.get(approvalId);
            if (holder != null && holder.getKey().equals(claim)) {
                claims.remove(approvalId);
            }
        }

        @Override
        public synchronized Optional<Suggestion> decide(
                String approvalId, String claim, ApprovalStatus outcome, String by, Instant at) {
            Optional<Suggestion> s = byApproval(approvalId);
            var holder = claims.get(approvalId);
            if (s.isEmpty()
                    || !s.get().isPending()
                    || holder == null
                    || !holder.getKey().equals(claim)) {
                return Optional.empty();
            }
            claims.remove(approvalId);
            Suggestion decided = s.get().decided(outcome, by);
            byId.put(decided.id(), decided);
            return Optional.of(decided);
        }

        @Override
        public synchronized List<Suggestion> pending(String org, String user) {
            return oldestFirst(byId.values().stream()
                    .filter(s -> s.org().equals(org) && s.user().equals(user))
                    .filter(Suggestion::isPending)
                    .toList());
        }

        @Override
        public synchronized List<Suggestion> pendingInOrg(String org) {
            return oldestFirst(byId.values().stream()
                    .filter(s -> s.org().equals(org))
                    .filter(Suggestion::isPending)
                    .toList());
        }

        @Override
        public synchronized List<Suggestion> due(Instant now) {
            return byId.values().stream()
                    .filter(Suggestion::isPending)
                    .filter(s -> !s.expiresAt().isAfter(now))
                    .toList();
        }

        @Override
        public synchronized List<Suggestion> inMeeting(String org, String meetingId, String user) {
            return oldestFirst(byId.values().stream()
                    .filter(s -> s.org().equals(org)
                            && s.meetingId().equals(meetingId)
                            && s.user().equals(user))
                    .toList());
        }

        private static List<Suggestion> oldestFirst(List<Suggestion> list) {
            return list.stream()
                    .sorted(Comparator.comparing(Suggestion::createdAt))
                    .toList();
        }
    }

    /**
     * The audit log in memory: a chain per organisation ({@code seq} from 1, {@code prev} and {@code meetingPrev}
     * links). Its hash is SHA-256 over the record's fields in a format of its own, not the export's canonical JSON.
     * {@link #failing} makes appends fail as an unreachable store
     * does: with {@code DependencyUnavailableException("audit")}, appending nothing.
     */
    public static final class Audit implements AuditLog {
        private final Clock clock;
        /** Every record, in the order appended (all organisations). */
        public final List<AuditRecord> records = new ArrayList<>();
        /** Appends of an entry this matches fail whole (nothing of them is appended). */
        public volatile Predicate<AuditEntry> failing = e -> false;

        private final Map<String, AuditRecord> orgHeads = new HashMap<>();
        private final Map<String, String> meetingHeads = new HashMap<>();

        /** A log whose records are all timestamped at the epoch. */
        public Audit() {
            this(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        }

        public Audit(Clock clock) {
            this.clock = clock;
        }

        /** Every append fails from now on. */
        public void down() {
            failing = e -> true;
        }

        /** Appends of these types fail from now on. */
        public void failOn(AuditType... types) {
            var set = Set.of(types);
            failing = e -> set.contains(e.type());
        }

        @Override
        public List<AuditRecord> append(List<AuditEntry> entries) {
            return appendAt(clock, entries);
        }

        /** Appends, timestamped by {@code at} instead of this log's clock (several writers of one store). */
        public synchronized List<AuditRecord> appendAt(Clock at, List<AuditEntry> entries) {
            if (entries.stream().anyMatch(failing)) {
                throw new DependencyUnavailableException(AuditLog.DEPENDENCY, "the audit store is down (fake)");
            }
            var out = new ArrayList<AuditRecord>();
            for (AuditEntry e : entries) {
                AuditRecord head = orgHeads.get(e.org());
                long seq = head == null ? 1 : head.seq() + 1;
                String prev = head == null ? AuditRecord.GENESIS : head.hash();
                String meetingKey = e.org() + "\u0000" + e.meeting();
                String meetingPrev =
                        e.meeting() == null ? null : meetingHeads.getOrDefault(meetingKey, AuditRecord.GENESIS);
                String id = "ev_" + (records.size() + 1);
                Instant ts = at.instant().truncatedTo(ChronoUnit.MILLIS);
                String hash = sha256(id + "|" + seq + "|" + ts + "|" + e + "|" + prev + "|" + meetingPrev);
                var r = new AuditRecord(id, seq, ts, e, prev, meetingPrev, hash);
                records.add(r);
                orgHeads.put(e.org(), r);
                if (e.meeting() != null) {
                    meetingHeads.put(meetingKey, hash);
                }
                out.add(r);
            }
            return out;
        }

        @Override
        public synchronized List<AuditRecord> meeting(String org, String meetingId) {
            return records.stream()
                    .filter(r -> r.entry().org().equals(org)
                            && meetingId.equals(r.entry().meeting()))
                    .toList();
        }

        @Override
        public synchronized List<AuditRecord> latestChunks(String org, String meetingId, String user, int limit) {
            return meeting(org, meetingId).reversed().stream()
                    .filter(r -> r.entry().type() == AuditType.CHUNK
                            && user.equals(r.entry().user()))
                    .limit(limit)
                    .toList();
        }

        public synchronized List<String> types() {
            return records.stream().map(r -> r.entry().type().wire()).toList();
        }

        /** The records of one type, oldest first. */
        public synchronized List<AuditRecord> ofType(AuditType type) {
            return records.stream().filter(r -> r.entry().type() == type).toList();
        }

        private static String sha256(String text) {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A meeting store whose writes can be made to fail ({@link #writesFail}), as a database that went down after the
     * audit append does.
     */
    public static final class Meetings implements MeetingStore {
        public volatile boolean writesFail;
        private final Map<String, Set<String>> participants = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> off = new LinkedHashMap<>();

        @Override
        public void join(String org, String meetingId, String user) {
            participants
                    .computeIfAbsent(org + "/" + meetingId, k -> ConcurrentHashMap.newKeySet())
                    .add(user);
        }

        @Override
        public boolean isParticipant(String org, String meetingId, String user) {
            return participants.getOrDefault(org + "/" + meetingId, Set.of()).contains(user);
        }

        @Override
        public boolean exists(String org, String meetingId) {
            return participants.containsKey(org + "/" + meetingId);
        }

        @Override
        public synchronized Set<String> disabledTopics(String org, String meetingId, String user) {
            return Set.copyOf(off.getOrDefault(org + "/" + meetingId + "/" + user, Set.of()));
        }

        private final Map<String, Map<String, Object>> contexts = new java.util.HashMap<>();

        @Override
        public synchronized Map<String, Object> context(String org, String meetingId, String user) {
            return contexts.getOrDefault(org + "/" + meetingId + "/" + user, Map.of());
        }

        @Override
        public synchronized void setContext(String org, String meetingId, String user, Map<String, Object> values) {
            if (writesFail) {
                throw new DependencyUnavailableException("database", "down (fake)");
            }
            contexts.put(org + "/" + meetingId + "/" + user, Map.copyOf(values));
        }

        @Override
        public synchronized void setTopicEnabled(
                String org, String meetingId, String user, String topic, boolean enabled) {
            if (writesFail) {
                throw new DependencyUnavailableException("database", "down (fake)");
            }
            var set = off.computeIfAbsent(org + "/" + meetingId + "/" + user, k -> new HashSet<>());
            if (enabled) {
                set.remove(topic);
            } else {
                set.add(topic);
            }
        }
    }
}
