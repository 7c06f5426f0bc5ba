package app.proxyme.domain.port.out;

import app.proxyme.domain.DependencyUnavailableException;
import java.util.List;

/**
 * Fine-grained authorization (FGA): relationship checks against the organisation's authorization model.
 * The second policy layer asks it what a role may do on a topic; the token vault asks it before minting a
 * topic-bound token.
 */
public interface RelationshipCheck {
    /** Relation: the user may answer on the topic without approval. */
    String CAN_AUTO_RESPOND = "can_auto_respond";
    /** Relation: the user may answer on the topic once the answer is approved. */
    String CAN_RESPOND_WITH_APPROVAL = "can_respond_with_approval";

    /**
     * Answers every query, in order, in one round trip.
     *
     * @throws DependencyUnavailableException when the answer cannot be had (the caller fails closed)
     */
    List<Boolean> check(List<RelationshipQuery> queries);

    /** The FGA user id of a member. */
    static String user(String email) {
        return "user:" + email;
    }

    /** The FGA object id of a topic: organisations share one model, so the id carries the organisation. */
    static String topic(String org, String topic) {
        return "topic:" + org + "/" + topic;
    }
}
