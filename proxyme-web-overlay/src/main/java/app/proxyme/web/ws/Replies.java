package app.proxyme.web.ws;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.policy.Member;
import app.proxyme.web.app.Connection;
import app.proxyme.web.app.InboundPace;
import app.proxyme.web.app.MeetingHub;
import app.proxyme.web.app.Messages;
import java.util.Locale;

/**
 * How a socket answers a client message that went wrong: bad input, a refused request, a service that is down
 * each get their {@code error} message (PROTOCOL.md's codes), and the connection stays open; a member who signed
 * out meanwhile gets nothing (the connection is closing with 1008).
 */
final class Replies {
    private static final System.Logger LOG = System.getLogger(Replies.class.getName());

    private Replies() {}

    /**
     * Whether a message that arrived on {@code connection} is to be handled: the connection is open, and its turn
     * came at the user's pace (a client sending faster is read more slowly: its sends wait, nobody else does).
     */
    static boolean inTurn(Connection connection, InboundPace pace) {
        if (connection == null || connection.closing()) {
            return false;
        }
        try {
            pace.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !connection.closing();
    }

    /** Runs {@code handling} and answers its failure on {@code connection}. */
    static void handle(Connection connection, String what, Runnable handling) {
        try {
            handling.run();
        } catch (SignedOut e) {
            // the connection is closing with 1008; nothing of this message was done
        } catch (ClientMessage.BadMessage e) {
            connection.send(Messages.error(e.code, e.getMessage()));
        } catch (DomainException e) {
            connection.send(Messages.error(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage()));
        } catch (DependencyUnavailableException e) {
            connection.send(Messages.error("unavailable", e.dependency() + " is unavailable: try again"));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, what + " failed", e);
            connection.send(Messages.error("internal", "the message could not be handled; nothing changed"));
        }
    }

    /** The member as stored now (a changed role applies at once); a removed member or expired token: closed 1008. */
    static Member signedIn(MeetingHub hub, Connection connection) {
        return hub.recheck(connection).orElseThrow(SignedOut::new);
    }

    /** The connection's member is gone or its token expired. */
    static final class SignedOut extends RuntimeException {
        SignedOut() {
            super("signed out", null, false, false);
        }
    }
}
