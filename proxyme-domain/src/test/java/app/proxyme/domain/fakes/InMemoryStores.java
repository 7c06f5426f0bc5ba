package app.proxyme.domain.fakes;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
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

/**
 * In-memory fakes of the storage ports, faithful to their contracts (CAS decide, per-organisation hash chains); each
 * passes its port's contract test in {@code app.proxyme.domain.port.out.contract}.
 */
public final class InMemoryStores {
    private InMemoryStores() {}

    public static final class Suggestions implements SuggestionStore {
        /** Every suggestion as it stands now, by id. */
        private final Map<String, Suggestion> byId = new LinkedHashMap<>();

        @Override
        public synchronized void save(Suggestion s) {
            byId.put(s.id(), s);
        }

        @Override
        public synchronized Optional<Suggestion> byApproval(String approvalId) {
            return byId.values().stream()
                    .filter(s -> approvalId.equals(s.approvalId()))
                    .findFirst();
        }

        @Override
        public synchronized Optional<Suggestion> decide(
                String approvalId, ApprovalStatus outcome, String by, Instant at) {
            Optional<Suggestion> s = byApproval(approvalId);
            if (s.isEmpty() || !s.get().isPending()) {
                return Optional.empty();
            }
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
     */
    public static final class Audit implements AuditLog {
        private final Clock clock;
        /** Every record, in the order appended (all organisations). */
        public final List<AuditRecord> records = new ArrayList<>();

        private final Map<String, AuditRecord> orgHeads = new HashMap<>();
        private final Map<String, String> meetingHeads = new HashMap<>();

        /** A log whose records are all timestamped at the epoch. */
        public Audit() {
            this(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        }

        public Audit(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized List<AuditRecord> append(List<AuditEntry> entries) {
            var out = new ArrayList<AuditRecord>();
            for (AuditEntry e : entries) {
                AuditRecord head = orgHeads.get(e.org());
                long seq = head == null ? 1 : head.seq() + 1;
                String prev = head == null ? AuditRecord.GENESIS : head.hash();
                String meetingKey = e.org() + "\u0000" + e.meeting();
                String meetingPrev =
                        e.meeting() == null ? null : meetingHeads.getOrDefault(meetingKey, AuditRecord.GENESIS);
                String id = "ev_" + (records.size() + 1);
                Instant ts = clock.instant().truncatedTo(ChronoUnit.MILLIS);
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

        public synchronized List<String> types() {
            return records.stream().map(r -> r.entry().type().wire()).toList();
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

    public static final class Meetings implements MeetingStore {
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

        @Override
        public synchronized void setTopicEnabled(
                String org, String meetingId, String user, String topic, boolean enabled) {
            var set = off.computeIfAbsent(org + "/" + meetingId + "/" + user, k -> new HashSet<>());
            if (enabled) {
                set.remove(topic);
            } else {
                set.add(topic);
            }
        }
    }
}
