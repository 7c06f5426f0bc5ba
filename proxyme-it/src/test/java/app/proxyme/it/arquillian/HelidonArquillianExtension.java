package app.proxyme.it.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link HelidonDeployableContainer} with Arquillian. */
public class HelidonArquillianExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, HelidonDeployableContainer.class);
    }
}
