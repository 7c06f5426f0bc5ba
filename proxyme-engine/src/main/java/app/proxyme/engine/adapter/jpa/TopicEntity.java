package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "topics")
@IdClass(OrgKey.class)
class TopicEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "topic_id")
    String id;

    @Column(name = "description")
    String description;

    @Column(name = "examples")
    String examplesJson;

    @Column(name = "playbook")
    String playbookJson;

    @Column(name = "sort_order")
    int sortOrder;

    protected TopicEntity() {}

    TopicEntity(String org, String id, String description, String examplesJson, String playbookJson, int sortOrder) {
        this.org = org;
        this.id = id;
        this.description = description;
        this.examplesJson = examplesJson;
        this.playbookJson = playbookJson;
        this.sortOrder = sortOrder;
    }
}
