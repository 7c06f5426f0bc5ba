package app.proxyme.engine.adapter.jpa;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of an FGA tuple: the tuple itself. */
public class TupleKey implements Serializable {
    String object;
    String relation;
    String user;

    public TupleKey() {}

    TupleKey(String object, String relation, String user) {
        this.object = object;
        this.relation = relation;
        this.user = user;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleKey k
                && Objects.equals(object, k.object)
                && Objects.equals(relation, k.relation)
                && Objects.equals(user, k.user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(object, relation, user);
    }
}
