package app.proxyme.web.transport;

import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.spi.ServerConnection;
import java.time.Duration;

/** Tyrus's connection, run with its {@link Transport} bound to the thread that reads it. */
final class GuardedConnection implements ServerConnection {
    private final ServerConnection tyrus;
    private final Transport transport;

    GuardedConnection(ServerConnection tyrus, Transport transport) {
        this.tyrus = tyrus;
        this.transport = transport;
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        transport.bind();
        try {
            tyrus.handle(limit);
        } finally {
            transport.unbind();
        }
    }

    @Override
    public Duration idleTime() {
        return tyrus.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
        tyrus.close(interrupt);
    }
}
