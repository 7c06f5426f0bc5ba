package app.proxyme.engine.policy;

import app.proxyme.engine.fga.AutoCondition;
import app.proxyme.engine.fga.FgaModel;
import app.proxyme.engine.fga.ProductModel;
import app.proxyme.engine.policy.file.PolicyConditions;
import app.proxyme.engine.policy.file.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime model one FGA store serves to every organisation: the product's model with the conditions of every
 * stored policy's {@code auto_when} entries, organisation by organisation.
 */
public final class RuntimeModels {
    private RuntimeModels() {}

    /** The runtime model of the stored policies. */
    public static FgaModel of(PolicyAdmin admin) {
        return ProductModel.with(conditions(admin, null));
    }

    /** The runtime model once {@code doc} replaces its organisation's stored policy (or joins them). */
    public static FgaModel replacing(PolicyAdmin admin, PolicyDocument doc) {
        return ProductModel.with(conditions(admin, doc));
    }

    private static List<AutoCondition> conditions(PolicyAdmin admin, PolicyDocument replacement) {
        var conditions = new ArrayList<AutoCondition>();
        boolean placed = false;
        for (String org : admin.organisations()) {
            if (replacement != null && org.equals(replacement.org())) {
                conditions.addAll(PolicyConditions.of(replacement));
                placed = true;
            } else {
                admin.export(org).ifPresent(doc -> conditions.addAll(PolicyConditions.of(doc)));
            }
        }
        if (replacement != null && !placed) {
            conditions.addAll(PolicyConditions.of(replacement));
        }
        return conditions;
    }
}
