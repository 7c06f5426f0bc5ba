package app.proxyme.engine.adapter.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "rules")
@IdClass(OrgKey.class)
class RuleEntity {
    @Id
    @Column(name = "org")
    String org;

    @Id
    @Column(name = "rule_id")
    String id;

    @Column(name = "rule_text")
    String text;

    @Column(name = "scope")
    String scope;

    @Column(name = "subject")
    String subject;

    @Column(name = "effect")
    String effect;

    @Column(name = "topics")
    String topicsJson;

    @Column(name = "phrases")
    String phrasesJson;

    @Column(name = "sort_order")
    int sortOrder;

    /** {@code null}: the file did not say (in force). */
    @Column(name = "enabled")
    Boolean enabled;

    /** Whether the file gave the compiled form under {@code compiled:} rather than beside the text. */
    @Column(name = "compiled_form")
    boolean compiledForm;

    @Column(name = "entities")
    String entitiesJson = "[]";

    protected RuleEntity() {}

    RuleEntity(
            String org,
            String id,
            String text,
            String scope,
            String subject,
            String effect,
            String topicsJson,
            String phrasesJson,
            int sortOrder) {
        this.org = org;
        this.id = id;
        this.text = text;
        this.scope = scope;
        this.subject = subject;
        this.effect = effect;
        this.topicsJson = topicsJson;
        this.phrasesJson = phrasesJson;
        this.sortOrder = sortOrder;
    }
}
