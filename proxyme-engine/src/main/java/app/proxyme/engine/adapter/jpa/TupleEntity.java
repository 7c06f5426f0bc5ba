package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "fga_tuples")
@IdClass(TupleKey.class)
class TupleEntity {
    @Id
    @Column(name = "fga_object")
    String object;

    @Id
    @Column(name = "fga_relation")
    String relation;

    @Id
    @Column(name = "fga_user")
    String user;

    /** The name of the tuple's condition, or {@code null}. */
    @Column(name = "fga_condition")
    String condition;

    /** The context stored with the tuple, a JSON object, or {@code null}. */
    @Column(name = "fga_condition_context")
    String conditionContext;

    protected TupleEntity() {}

    TupleEntity(String object, String relation, String user) {
        this.object = object;
        this.relation = relation;
        this.user = user;
    }
}
