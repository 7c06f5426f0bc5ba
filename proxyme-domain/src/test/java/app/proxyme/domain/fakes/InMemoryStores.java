package app.proxyme.domain.fakes;

import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.SuggestionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory fakes of the storage ports, faithful to their contracts (CAS decide, ordered audit). */
public final class InMemoryStores {
    private InMemoryStores() {}

    public static final class Suggestions implements SuggestionStore {
        private final Map<String, Suggestion> byApproval = new ConcurrentHashMap<>();
        public final List<Suggestion> saved = new ArrayList<>();

        @Override
        public synchronized void save(Suggestion s) {
            saved.add(s);
            if (s.approvalId() != null) {
                byApproval.put(s.approvalId(), s);
            }
        }

        @Override
        public Optional<Suggestion> byApproval(String approvalId) {
            return Optional.ofNullable(byApproval.get(approvalId));
        }

        @Override
        public synchronized Optional<Suggestion> decide(String approvalId, ApprovalStatus outcome, String by,
                Instant at) {
            Suggestion s = byApproval.get(approvalId);
            if (s == null || !s.isPending()) {
                return Optional.empty();
            }
            Suggestion decided = s.decided(outcome, by);
            byApproval.put(approvalId, decided);
            return Optional.of(decided);
        }

        @Override
        public List<Suggestion> pending(String org, String user) {
            return byApproval.values().stream().filter(s -> s.org().equals(org) && s.user().equals(user))
                    .filter(Suggestion::isPending).toList();
        }

        @Override
        public List<Suggestion> due(Instant now) {
            return byApproval.values().stream().filter(Suggestion::isPending)
                    .filter(s -> !s.expiresAt().isAfter(now)).toList();
        }

        @Override
        public List<Suggestion> inMeeting(String org, String meetingId, String user) {
            return saved.stream().filter(s -> s.org().equals(org) && s.meetingId().equals(meetingId)
                    && s.user().equals(user)).toList();
        }
    }

    public static final class Audit implements AuditLog {
        public final List<AuditRecord> records = new ArrayList<>();

        @Override
        public synchronized List<AuditRecord> append(List<AuditEntry> entries) {
            var out = new ArrayList<AuditRecord>();
            for (AuditEntry e : entries) {
                var r = new AuditRecord("ev_" + (records.size() + 1), records.size() + 1, Instant.EPOCH, e,
                        AuditRecord.GENESIS, null, Integer.toHexString(records.size() + 1));
                records.add(r);
                out.add(r);
            }
            return out;
        }

        @Override
        public synchronized List<AuditRecord> meeting(String org, String meetingId) {
            return records.stream().filter(r -> r.entry().org().equals(org)
                    && meetingId.equals(r.entry().meeting())).toList();
        }

        public synchronized List<String> types() {
            return records.stream().map(r -> r.entry().type().wire()).toList();
        }
    }

    public static final class Meetings implements MeetingStore {
        private final Map<String, Set<String>> participants = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> off = new LinkedHashMap<>();

        @Override
        public void join(String org, String meetingId, String user) {
            participants.computeIfAbsent(org + "/" + meetingId, k -> ConcurrentHashMap.newKeySet()).add(user);
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
        public synchronized void setTopicEnabled(String org, String meetingId, String user, String topic,
                boolean enabled) {
            var set = off.computeIfAbsent(org + "/" + meetingId + "/" + user, k -> new HashSet<>());
            if (enabled) {
                set.remove(topic);
            } else {
                set.add(topic);
            }
        }
    }
}
