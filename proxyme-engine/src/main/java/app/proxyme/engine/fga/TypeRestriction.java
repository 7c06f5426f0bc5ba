package app.proxyme.engine.fga;

/**
 * One kind of user a relation admits directly: {@code user}, {@code user:*} ({@code wildcard}) or
 * {@code group#member} ({@code relation} set), optionally only with a condition ({@code [user with in_office]}).
 */
public record TypeRestriction(String type, String relation, boolean wildcard, String condition) {
    public TypeRestriction(String type, String relation, boolean wildcard) {
        this(type, relation, wildcard, null);
    }

    /** Whether a tuple's user (already split) written with the condition (or {@code null}) fits this restriction. */
    boolean admits(String userType, String userId, String userRelation, String tupleCondition) {
        if (!type.equals(userType) || !java.util.Objects.equals(condition, tupleCondition)) {
            return false;
        }
        if (relation != null) {
            return relation.equals(userRelation);
        }
        return userRelation == null && wildcard == "*".equals(userId);
    }
}
