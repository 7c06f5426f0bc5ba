package app.proxyme.it.arquillian;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** Where the in-process Helidon server listens: the host; the port is always a free one. */
public class HelidonContainerConfiguration implements ContainerConfiguration {
    private String host = "localhost";

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    @Override
    public void validate() throws ConfigurationException {
        if (host == null || host.isBlank()) {
            throw new ConfigurationException("host is required");
        }
    }
}
