package app.proxyme.web.app;

import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.in.HandleChunk;
import app.proxyme.domain.port.in.JoinMeeting;
import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.domain.port.in.SwitchTopics;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.engine.EngineSettings;
import app.proxyme.engine.fga.FgaSettings;
import app.proxyme.engine.ProxyMe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the engine once from configuration and closes it at shutdown. */
@ApplicationScoped
public class EngineProducer {
    private final EngineSettings settings;
    private final MeetingHub hub;
    private final FgaSettings fga;
    private final FgaGuard guard;

    @Inject
    public EngineProducer(
            @ConfigProperty(name = "proxyme.data.dir", defaultValue = "./data") String dataDir,
            @ConfigProperty(name = "proxyme.db.url") Optional<String> dbUrl,
            @ConfigProperty(name = "proxyme.db.user") Optional<String> dbUser,
            @ConfigProperty(name = "proxyme.db.password") Optional<String> dbPassword,
            @ConfigProperty(name = "proxyme.min.confidence", defaultValue = "0.50") double minConfidence,
            @ConfigProperty(name = "proxyme.ambiguity.margin", defaultValue = "0.30") double ambiguityMargin,
            @ConfigProperty(name = "proxyme.approval.timeout.s", defaultValue = "120") long approvalTimeoutSeconds,
            MeetingHub hub,
            FgaConfig fgaConfig,
            FgaGuard guard) {
        this.settings = new EngineSettings(Path.of(dataDir), dbUrl.orElse(null), dbUser.orElse(null),
                dbPassword.orElse(null),
                new PolicySettings(minConfidence, ambiguityMargin, Duration.ofSeconds(approvalTimeoutSeconds)));
        this.hub = hub;
        this.fga = fgaConfig.settings();
        this.guard = guard;
    }

    /** For CDI's proxy. */
    protected EngineProducer() {
        this.settings = null;
        this.hub = null;
        this.fga = null;
        this.guard = null;
    }

    /** A singleton, not application-scoped: {@link ProxyMe} is final and needs no client proxy. */
    @Produces
    @Singleton
    ProxyMe proxyMe() {
        return ProxyMe.start(settings, fga, d -> FgaGuard.around(guard, d), Clock.systemUTC(), hub);
    }

    // The use cases, by their incoming ports: what resources and sockets inject.

    @Produces
    @Singleton
    HandleChunk handleChunk(ProxyMe proxyMe) {
        return proxyMe.pipeline();
    }

    @Produces
    @Singleton
    DecideApproval decideApproval(ProxyMe proxyMe) {
        return proxyMe.approvals();
    }

    @Produces
    @Singleton
    JoinMeeting joinMeeting(ProxyMe proxyMe) {
        return proxyMe.attendance();
    }

    @Produces
    @Singleton
    SwitchTopics switchTopics(ProxyMe proxyMe) {
        return proxyMe.switches();
    }

    @Produces
    @Singleton
    ReadMeetingRecord readMeetingRecord(ProxyMe proxyMe) {
        return proxyMe.records();
    }

    @Produces
    @Singleton
    EvaluatePolicy evaluatePolicy(ProxyMe proxyMe) {
        return proxyMe.playground();
    }

    void close(@Disposes ProxyMe proxyMe) {
        proxyMe.close();
    }
}
