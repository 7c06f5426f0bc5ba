package app.proxyme.engine.fga;

import java.util.List;

/** A relation of a type: its rewrite and the users it admits directly. */
public record RelationDef(String name, Rewrite rewrite, List<TypeRestriction> directTypes) {
    public RelationDef {
        directTypes = List.copyOf(directTypes);
    }

    /** Whether a tuple with this user, written with the condition (or {@code null}), may be stored on the relation. */
    boolean admits(String userType, String userId, String userRelation, String condition) {
        for (TypeRestriction r : directTypes) {
            if (r.admits(userType, userId, userRelation, condition)) {
                return true;
            }
        }
        return false;
    }

    /** Whether wildcard tuples of {@code userType} count for this relation. */
    boolean admitsWildcard(String userType) {
        for (TypeRestriction r : directTypes) {
            if (r.wildcard() && r.type().equals(userType)) {
                return true;
            }
        }
        return false;
    }
}
