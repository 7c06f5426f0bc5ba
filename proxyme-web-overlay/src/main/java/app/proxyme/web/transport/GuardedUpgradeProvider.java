package app.proxyme.web.transport;

import io.helidon.common.Weight;
import io.helidon.common.Weighted;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.microprofile.tyrus.TyrusUpgrader;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.http1.spi.Http1UpgradeProvider;
import io.helidon.webserver.http1.spi.Http1Upgrader;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.websocket.WsConfig;

/**
 * The {@code websocket} upgrade of Helidon MP (Tyrus), each connection wrapped in a {@link Transport}. Loaded by
 * the web server's service loader ({@code META-INF/services}) ahead of Tyrus's own provider. The hard cap on a
 * frame is Helidon's {@code server.protocols.websocket.max-frame-length} (default 1 MiB), which Tyrus alone ignores.
 */
@Weight(Weighted.DEFAULT_WEIGHT + 200)
public class GuardedUpgradeProvider implements Http1UpgradeProvider<WsConfig> {
    /** For the service loader. */
    public GuardedUpgradeProvider() {}

    @Override
    public String protocolType() {
        return "websocket";
    }

    @Override
    public Class<WsConfig> protocolConfigType() {
        return WsConfig.class;
    }

    @Override
    public Http1Upgrader create(WsConfig config, ProtocolConfigs configs) {
        TyrusUpgrader tyrus = TyrusUpgrader.create(config);
        long maxFrame = config.maxFrameLength();
        return new Http1Upgrader() {
            @Override
            public String supportedProtocol() {
                return tyrus.supportedProtocol();
            }

            @Override
            public ServerConnection upgrade(ConnectionContext ctx, HttpPrologue prologue, WritableHeaders<?> headers) {
                var transport = new Transport(ctx, maxFrame);
                ServerConnection connection = tyrus.upgrade(new GuardedContext(ctx, transport), prologue, headers);
                if (connection == null) {
                    return null;
                }
                transport.upgraded();
                return new GuardedConnection(connection, transport);
            }
        };
    }
}
