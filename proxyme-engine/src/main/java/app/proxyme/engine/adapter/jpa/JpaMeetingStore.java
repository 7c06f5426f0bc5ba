package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.MeetingStore;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Meetings, participants and topic switches. Meetings are created on first use. */
final class JpaMeetingStore implements MeetingStore {
    /** Switched-off topics are read for every chunk and written rarely: kept in memory, dropped on every write. */
    private static final int MAX_CACHED = 10_000;

    private record ToggleOwner(String org, String meetingId, String user) {}

    private final java.util.Map<ToggleOwner, Set<String>> switches =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<ToggleOwner, Set<String>> eldest) {
                    return size() > MAX_CACHED;
                }
            });
    private final Tx tx;

    JpaMeetingStore(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void join(String org, String meetingId, String user) {
        retryOnce(em -> {
            ensureMeeting(em, org, meetingId);
            if (em.find(ParticipantEntity.class, new ParticipantKey(org, meetingId, user)) == null) {
                em.persist(new ParticipantEntity(org, meetingId, user, System.currentTimeMillis()));
            }
        });
    }

    @Override
    public boolean isParticipant(String org, String meetingId, String user) {
        return tx.read(em -> em.find(ParticipantEntity.class, new ParticipantKey(org, meetingId, user)) != null);
    }

    @Override
    public boolean exists(String org, String meetingId) {
        return tx.read(em -> em.find(MeetingEntity.class, new OrgKey(org, meetingId)) != null);
    }

    @Override
    public Set<String> disabledTopics(String org, String meetingId, String user) {
        var key = new ToggleOwner(org, meetingId, user);
        Set<String> cached = switches.get(key);
        if (cached != null) {
            return cached;
        }
        Set<String> loaded = Set.copyOf(loadDisabledTopics(org, meetingId, user));
        switches.put(key, loaded);
        return loaded;
    }

    private Set<String> loadDisabledTopics(String org, String meetingId, String user) {
        return tx.read(em -> new LinkedHashSet<>(em.createQuery(
                        "select t.topic from ToggleEntity t where t.org = :org"
                                + " and t.meetingId = :m and t.member = :u and t.enabled = false order by t.topic",
                        String.class)
                .setParameter("org", org)
                .setParameter("m", meetingId)
                .setParameter("u", user)
                .getResultList()));
    }

    @Override
    public void setTopicEnabled(String org, String meetingId, String user, String topic, boolean enabled) {
        retryOnce(em -> {
            ensureMeeting(em, org, meetingId);
            ToggleEntity t = em.find(ToggleEntity.class, new ToggleKey(org, meetingId, user, topic));
            if (t == null) {
                em.persist(new ToggleEntity(org, meetingId, user, topic, enabled));
            } else {
                t.enabled = enabled;
            }
        });
        switches.remove(new ToggleOwner(org, meetingId, user));
    }

    private static void ensureMeeting(EntityManager em, String org, String meetingId) {
        if (em.find(MeetingEntity.class, new OrgKey(org, meetingId)) == null) {
            em.persist(new MeetingEntity(org, meetingId, System.currentTimeMillis()));
            em.flush();
        }
    }

    /** Two first users of a meeting may race to create it: the loser finds it on its second try. */
    private void retryOnce(Consumer<EntityManager> work) {
        try {
            tx.run(work);
        } catch (DependencyUnavailableException e) {
            tx.run(work);
        }
    }
}
