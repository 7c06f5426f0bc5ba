package app.proxyme.engine.adapter.jpa;

import app.proxyme.engine.fga.AutoCondition;
import app.proxyme.engine.fga.ConditionStore;
import java.util.LinkedHashMap;
import java.util.List;

/** The generated conditions in {@code fga_conditions}, written by the policy import in the tuples' transaction. */
final class JpaConditionStore implements ConditionStore {
    private final Tx tx;

    JpaConditionStore(Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<AutoCondition> conditions() {
        return tx.read(em -> em
                .createQuery(
                        "select c from ConditionEntity c order by c.org, c.sortOrder, c.name", ConditionEntity.class)
                .getResultList()
                .stream()
                .map(c -> {
                    var parameters = new LinkedHashMap<String, String>();
                    JsonText.object(c.parametersJson).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
                    return new AutoCondition(c.name, parameters, c.expression);
                })
                .toList());
    }
}
