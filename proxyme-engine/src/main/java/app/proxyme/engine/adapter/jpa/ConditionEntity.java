package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An FGA condition generated from a role's {@code auto_when} entry; the runtime model declares all of them. */
@Entity
@Table(name = "fga_conditions")
class ConditionEntity {
    @Id
    @Column(name = "name")
    String name;

    @Column(name = "org")
    String org;

    @Column(name = "role_name")
    String role;

    @Column(name = "topic")
    String topic;

    @Column(name = "expression")
    String expression;

    /** The declared values the expression reads, with their types, a JSON object. */
    @Column(name = "parameters_json")
    String parametersJson;

    @Column(name = "sort_order")
    int sortOrder;

    protected ConditionEntity() {}

    ConditionEntity(
            String name, String org, String role, String topic, String expression, String parametersJson, int order) {
        this.name = name;
        this.org = org;
        this.role = role;
        this.topic = topic;
        this.expression = expression;
        this.parametersJson = parametersJson;
        this.sortOrder = order;
    }
}
