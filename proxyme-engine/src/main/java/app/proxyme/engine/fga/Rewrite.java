package app.proxyme.engine.fga;

import java.util.List;

/** How a relation is computed (OpenFGA's userset rewrite). */
public sealed interface Rewrite {
    /** The relation's own tuples ({@code [user, group#member]}). */
    record Direct() implements Rewrite {}

    /** Another relation of the same object ({@code define viewer: editor}). */
    record Computed(String relation) implements Rewrite {}

    /** A relation of the objects related through {@code tupleset} ({@code viewer from parent}). */
    record TupleToUserset(String tupleset, String relation) implements Rewrite {}

    /** Any child ({@code or}). */
    record Union(List<Rewrite> children) implements Rewrite {}

    /** Every child ({@code and}). */
    record Intersection(List<Rewrite> children) implements Rewrite {}

    /** {@code base but not subtract}. */
    record Difference(Rewrite base, Rewrite subtract) implements Rewrite {}
}
