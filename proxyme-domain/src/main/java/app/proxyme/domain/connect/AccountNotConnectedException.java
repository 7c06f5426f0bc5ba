package app.proxyme.domain.connect;

import java.util.Locale;

/**
 * The user has not linked their account at the connection's third party (or the link was revoked): they must connect
 * it first. Not a failure of Proxy Me's: nothing is retried.
 */
public class AccountNotConnectedException extends RuntimeException {
    private final String connection;

    public AccountNotConnectedException(String connection, String detail) {
        super("connect your " + display(connection) + " account first" + (detail == null ? "" : " (" + detail + ")"));
        this.connection = connection;
    }

    public String connection() {
        return connection;
    }

    private static String display(String connection) {
        return connection.isEmpty()
                ? connection
                : connection.substring(0, 1).toUpperCase(Locale.ROOT) + connection.substring(1);
    }
}
