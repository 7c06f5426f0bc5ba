package app.proxyme.it.arquillian;

import io.helidon.microprofile.server.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;

/**
 * An Arquillian container that runs Proxy Me's Helidon MP server in this JVM (none is published for Helidon).
 *
 * <p>Deploying an archive starts a server configured by the archive's {@code META-INF/microprofile-config.properties}
 * (over the application's own defaults), on a free port, with a fresh data directory unless the archive names
 * one; undeploying stops it and removes that directory. Tests run as clients against the started server.
 */
public class HelidonDeployableContainer implements DeployableContainer<HelidonContainerConfiguration> {
    static final String CONFIG = "/META-INF/microprofile-config.properties";

    private HelidonContainerConfiguration configuration = new HelidonContainerConfiguration();
    private Server server;
    private Path dataDir;

    @Override
    public Class<HelidonContainerConfiguration> getConfigurationClass() {
        return HelidonContainerConfiguration.class;
    }

    @Override
    public void setup(HelidonContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (server != null) {
            throw new DeploymentException("one deployment at a time: undeploy " + archive.getName() + " first");
        }
        try {
            Map<String, String> properties = configOf(archive);
            if (!properties.containsKey("proxyme.data.dir")) {
                dataDir = Files.createTempDirectory("proxyme-arquillian");
                properties.put("proxyme.data.dir", dataDir.toString());
            }
            // the admin console takes a free port unless the deployment names one: test servers never compete for 8081
            properties.putIfAbsent("proxyme.admin.port", "0");
            int port = freePort();
            properties.put("server.port", Integer.toString(port));
            properties.put("server.host", configuration.getHost());
            server = Server.builder().config(mpConfig(properties)).build().start();
            return new ProtocolMetaData().addContext(new HTTPContext(configuration.getHost(), server.port()));
        } catch (IOException | RuntimeException e) {
            stopQuietly();
            throw new DeploymentException("could not start Proxy Me from " + archive.getName(), e);
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        stopQuietly();
    }

    private void stopQuietly() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (dataDir != null) {
            deleteTree(dataDir);
            dataDir = null;
        }
    }

    /** The archive's own configuration: the deployment decides how the server runs. */
    static Map<String, String> configOf(Archive<?> archive) throws IOException {
        var result = new HashMap<String, String>();
        Node node = archive.get(CONFIG);
        if (node == null || node.getAsset() == null) {
            return result;
        }
        var properties = new Properties();
        try (InputStream in = node.getAsset().openStream()) {
            properties.load(in);
        }
        properties.stringPropertyNames().forEach(k -> result.put(k, properties.getProperty(k)));
        return result;
    }

    private static Config mpConfig(Map<String, String> properties) {
        ConfigSource deployment = new ConfigSource() {
            @Override
            public Map<String, String> getProperties() {
                return properties;
            }

            @Override
            public java.util.Set<String> getPropertyNames() {
                return properties.keySet();
            }

            @Override
            public String getValue(String name) {
                return properties.get(name);
            }

            @Override
            public String getName() {
                return "arquillian-deployment";
            }

            @Override
            public int getOrdinal() {
                return 1000;
            }
        };
        return ConfigProviderResolver.instance()
                .getBuilder()
                .addDefaultSources()
                .addDiscoveredSources()
                .addDiscoveredConverters()
                .withSources(deployment)
                .build();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
