package app.proxyme.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** What the tests deploy: Proxy Me with the deployment's own MicroProfile configuration. */
final class Deployments {
    private Deployments() {}

    /** @param properties lines of {@code microprofile-config.properties}, e.g. {@code "proxyme.approval.timeout.s=3"} */
    static JavaArchive proxyMe(String... properties) {
        return ShrinkWrap.create(JavaArchive.class, "proxyme.jar")
                .addAsManifestResource(
                        new StringAsset(String.join("\n", properties) + "\n"), "microprofile-config.properties");
    }
}
