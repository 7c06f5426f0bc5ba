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

    protected TupleEntity() {}

    TupleEntity(String object, String relation, String user) {
        this.object = object;
        this.relation = relation;
        this.user = user;
    }
}
