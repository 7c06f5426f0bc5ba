package app.proxyme.domain.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topics of one organisation, in a stable order. A catalogue is immutable; its {@code version} changes
 * whenever its content does, so that adapters may cache what they derive from it.
 */
public final class TopicCatalog {
    private final String org;
    private final Map<String, Topic> topics;
    private final long version;

    public TopicCatalog(String org, List<Topic> topics, long version) {
        this.org = OrgId.require(org);
        var byId = new LinkedHashMap<String, Topic>();
        for (Topic t : topics) {
            if (byId.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("duplicate topic " + t.id());
            }
        }
        this.topics = java.util.Collections.unmodifiableMap(byId);
        this.version = version;
    }

    public String org() {
        return org;
    }

    public long version() {
        return version;
    }

    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    public Optional<Topic> find(String id) {
        return Optional.ofNullable(id == null ? null : topics.get(id));
    }

    public boolean contains(String id) {
        return id != null && topics.containsKey(id);
    }
}
