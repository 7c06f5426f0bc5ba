package app.proxyme.admin.server;

import app.proxyme.admin.ConsolePorts;
import app.proxyme.domain.handoff.AgentDirectory;
import app.proxyme.domain.handoff.ChainControl;
import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.port.in.BrowseAudit;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.domain.port.in.ReadRule;
import app.proxyme.domain.port.in.ReviewAudit;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.in.WatchMeetings;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.VaadinServlet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin console's HTTP server: Jetty with the Vaadin servlet (production mode, from the prebuilt bundle) at
 * {@code /} on {@code PROXYME_ADMIN_PORT}, on the same host as the API (so a demo bound to 127.0.0.1 keeps its
 * console there too). Started when the runtime's CDI container is, stopped before it stops. Port 0 takes a free
 * port ({@link #port()}).
 */
@ApplicationScoped
public class ConsoleServer {
    private static final System.Logger LOG = System.getLogger(ConsoleServer.class.getName());

    /**
     * Only these are scanned, for Vaadin's annotations and their {@code META-INF/resources} (the Lumo theme's
     * stylesheet): the console, Flow and Vaadin's components.
     */
    static final String SCANNED =
            ".*/(flow-[^/]*|vaadin-[^/]*|proxyme-admin-vaadin[^/]*)\\.jar$|.*/proxyme-admin-vaadin/target/classes/?$";

    private final ConsolePorts ports;
    private final String host;
    private final int configuredPort;
    private Server jetty;
    private Path webRoot;

    @Inject
    public ConsoleServer(
            SignIn signIn,
            ManagePolicy policy,
            ReadRule rules,
            EvaluatePolicy evaluate,
            ReviewAudit audit,
            BrowseAudit browse,
            ReadMeetingRecord meetings,
            ShareMeetingRecord shares,
            ChainTimeline chains,
            AgentDirectory agents,
            ChainControl control,
            WatchMeetings live,
            @ConfigProperty(name = "server.host", defaultValue = "0.0.0.0") String host,
            @ConfigProperty(name = "proxyme.admin.port", defaultValue = "8081") int port) {
        this.ports = new ConsolePorts(
                signIn, policy, rules, evaluate, audit, browse, meetings, shares, chains, agents, control, live);
        this.host = host;
        this.configuredPort = port;
    }

    protected ConsoleServer() {
        this.ports = null;
        this.host = null;
        this.configuredPort = -1;
    }

    /**
     * The bean that serves the console in this process. A class path can hold the console's jar twice (the jar
     * itself and again through a jar manifest's {@code Class-Path}, as proxyme-it's does), and CDI then makes a bean
     * of each: only the first one to start serves, the port being the process's, not the bean's.
     */
    private static final AtomicReference<ConsoleServer> SERVING = new AtomicReference<>();

    /** Starts the console, unless another bean of this class serves it already. */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!SERVING.compareAndSet(null, this)) {
            return;
        }
        if (configuredPort < 0 || configuredPort > 65535) {
            throw new IllegalArgumentException(
                    "PROXYME_ADMIN_PORT must be a port (0: any free one): " + configuredPort);
        }
        try {
            System.setProperty("java.class.path", ContainerClassPath.expand(System.getProperty("java.class.path", "")));
            webRoot = Files.createTempDirectory("proxyme-console");
            jetty = new Server();
            var connector = new ServerConnector(jetty);
            connector.setHost(host);
            connector.setPort(configuredPort);
            jetty.addConnector(connector);
            jetty.setHandler(context());
            jetty.start();
            LOG.log(System.Logger.Level.INFO, "admin console on http://{0}:{1,number,#}/", host, port());
        } catch (Exception e) {
            stop(null);
            throw new IllegalStateException("the admin console could not start on port " + configuredPort, e);
        }
    }

    private WebAppContext context() {
        var context = new WebAppContext();
        context.setContextPath("/");
        context.setBaseResource(context.getResourceFactory().newResource(webRoot));
        context.setParentLoaderPriority(true);
        context.setConfigurationDiscovered(true);
        context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, SCANNED);
        context.setAttribute(ConsolePorts.class.getName(), ports);
        context.getServletHandler().setStartWithUnavailable(false);
        var servlet = new ServletHolder("console", VaadinServlet.class);
        servlet.setInitParameter(InitParameters.SERVLET_PARAMETER_PRODUCTION_MODE, "true");
        servlet.setAsyncSupported(true);
        servlet.setInitOrder(1);
        context.addServlet(servlet, "/*");
        return context;
    }

    synchronized void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        try {
            if (jetty != null) {
                jetty.stop();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "the admin console did not stop cleanly", e);
        } finally {
            jetty = null;
            deleteWebRoot();
            SERVING.compareAndSet(this, null);
        }
    }

    /** The port the console listens on. */
    public synchronized int port() {
        return jetty == null ? -1 : ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    private void deleteWebRoot() {
        if (webRoot == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(webRoot)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            webRoot = null;
        }
    }
}
