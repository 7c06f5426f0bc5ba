package app.proxyme.engine.fga;

import java.util.List;

/**
 * The conditions the organisations' policies generate ({@code auto_when}), written with the policies' tuples: the
 * runtime model is the product's model with all of them ({@link ProductModel#with}).
 */
public interface ConditionStore {
    /** Every stored condition, by organisation and in policy order. */
    List<AutoCondition> conditions();
}
