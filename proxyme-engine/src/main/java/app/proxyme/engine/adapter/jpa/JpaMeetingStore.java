package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.port.out.MeetingStore;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Meetings, participants, topic switches and meeting values. Meetings are created on first use. */
final class JpaMeetingStore implements MeetingStore {
    /**
     * A user's switched-off topics and meeting values are read for every chunk and written rarely: kept in memory,
     * dropped on every write here or on another instance (heard as {@code toggles:<org>TAB<meeting>TAB<member>}), and
     * not used while the cache is not trusted ({@link CacheTrust}).
     */
    private static final int MAX_CACHED = 10_000;

    private record Owner(String org, String meetingId, String user) {}

    /** Moves with every forgetting, so that a read racing a write does not cache what the write replaced. */
    private final AtomicLong generation = new AtomicLong();

    private final java.util.Map<Owner, Set<String>> switches = lru();
    private final java.util.Map<Owner, java.util.Map<String, Object>> contexts = lru();
    private final Tx tx;
    private final CacheTrust trust;

    private static <V> java.util.Map<Owner, V> lru() {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Owner, V> eldest) {
                return size() > MAX_CACHED;
            }
        });
    }

    /** {@code cache}'s value for {@code owner}, loaded (and kept, unless a write raced the load) when missing. */
    private <V> V cached(java.util.Map<Owner, V> cache, Owner owner, java.util.function.Supplier<V> load) {
        if (!trust.trusted()) {
            return load.get();
        }
        V known = cache.get(owner);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        V loaded = load.get();
        if (generation.get() == before) {
            cache.put(owner, loaded);
        }
        return loaded;
    }

    JpaMeetingStore(Tx tx, CacheTrust trust) {
        this.tx = tx;
        this.trust = trust;
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
        return cached(
                switches, new Owner(org, meetingId, user), () -> Set.copyOf(loadDisabledTopics(org, meetingId, user)));
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
        forget(org, meetingId, user);
    }

    @Override
    public java.util.Map<String, Object> context(String org, String meetingId, String user) {
        return cached(
                contexts,
                new Owner(org, meetingId, user),
                () -> tx.read(em -> {
                    MeetingContextEntity c =
                            em.find(MeetingContextEntity.class, new ParticipantKey(org, meetingId, user));
                    return c == null
                            ? java.util.Map.of()
                            : java.util.Collections.unmodifiableMap(JsonText.object(c.valuesJson));
                }));
    }

    @Override
    public void setContext(String org, String meetingId, String user, java.util.Map<String, Object> values) {
        String json = java.util.Objects.requireNonNullElse(JsonText.ofObject(values), "{}");
        retryOnce(em -> {
            ensureMeeting(em, org, meetingId);
            MeetingContextEntity c = em.find(MeetingContextEntity.class, new ParticipantKey(org, meetingId, user));
            if (c == null) {
                em.persist(new MeetingContextEntity(org, meetingId, user, json));
            } else {
                c.valuesJson = json;
            }
        });
        forget(org, meetingId, user);
    }

    /**
     * Forgets one user's cached switches and values in a meeting (written here or, heard by the change listener,
     * elsewhere).
     */
    void forget(String org, String meetingId, String user) {
        generation.incrementAndGet();
        var owner = new Owner(org, meetingId, user);
        switches.remove(owner);
        contexts.remove(owner);
    }

    /** Forgets every cached switch and value. */
    void forgetAll() {
        generation.incrementAndGet();
        switches.clear();
        contexts.clear();
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
