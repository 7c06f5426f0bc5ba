package app.proxyme.engine.adapter.jpa;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of rows scoped to an organisation: {@code (org, id)}. */
public class OrgKey implements Serializable {
    String org;
    String id;

    public OrgKey() {}

    OrgKey(String org, String id) {
        this.org = org;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrgKey k && Objects.equals(org, k.org) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(org, id);
    }
}
