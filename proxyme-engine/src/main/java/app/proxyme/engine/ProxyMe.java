package app.proxyme.engine;

import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.in.HandleChunk;
import app.proxyme.domain.port.in.JoinMeeting;
import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.domain.port.in.SwitchTopics;
import app.proxyme.engine.meeting.MeetingAttendance;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.engine.approval.ApprovalDesk;
import app.proxyme.domain.port.out.ApprovalListener;
import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.engine.meeting.MeetingRecords;
import app.proxyme.engine.policy.PolicyPlayground;
import app.proxyme.engine.meeting.TopicSwitches;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.devices.EmbeddedStepUpApproval;
import app.proxyme.engine.adapter.jose.EmbeddedTokenVault;
import app.proxyme.engine.adapter.jose.EmbeddedIdentity;
import app.proxyme.engine.adapter.jose.SigningKeys;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import app.proxyme.engine.adapter.nlp.PlaybookResponseGenerator;
import app.proxyme.engine.audit.AuditRetention;
import app.proxyme.engine.audit.AuditTrail;
import app.proxyme.engine.audit.seal.CheckpointSeal;
import app.proxyme.engine.audit.MeetingShares;
import app.proxyme.engine.audit.seal.ShareTokens;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.engine.adapter.openfga.OpenFga;
import app.proxyme.engine.fga.FgaSettings;
import app.proxyme.engine.fga.ProductModel;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.engine.policy.PolicyAsCode;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.PolicySeeder;
import app.proxyme.engine.policy.file.PolicyTuples;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Proxy Me assembled: the use cases wired to the adapters the settings choose. The runtime builds one at start
 * and closes it at stop; everything it exposes is safe to use from many threads.
 */
public final class ProxyMe implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProxyMe.class.getName());

    private final Database database;
    private final PolicyStore policies;
    private final MeetingStore meetings;
    private final SuggestionStore suggestions;
    private final AuditLog audit;
    private final Identity identity;
    private final ChunkPipeline pipeline;
    private final ApprovalDesk approvals;
    private final MeetingRecords records;
    private final PolicyPlayground playground;
    private final TopicSwitches switches;
    private final MeetingAttendance attendance;
    private final PolicyAsCode policyAsCode;
    private final OpenFga openFga;
    private final AuditTrail auditTrail;
    private final MeetingShares shares;
    private final AuditRetention retention;
    private final java.util.concurrent.ScheduledExecutorService housekeeping =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("audit-retention").factory());

    /** Callbacks into the runtime: what must reach a user's connected devices. */
    public interface Devices {
        /** A held suggestion awaits its user's approval (embedded step-up). */
        void approvalRequested(Suggestion held, String bindingMessage);

        /** A held suggestion was approved, denied or expired. */
        void approvalDecided(Suggestion decided);
    }

    private ProxyMe(EngineSettings settings, FgaSettings fgaSettings, UnaryOperator<RelationshipCheck> guard,
            Clock clock, Devices devices) {
        String url = settings.embeddedDatabase() ? Database.h2FileUrl(settings.dataDir()) : settings.dbUrl();
        this.database = Database.open(url, settings.dbUser(), settings.dbPassword(), settings.defaults());
        try {
            new PolicySeeder(database.policyAdmin()).seed();
            this.policies = database.policyStore();
            this.meetings = database.meetingStore();
            this.suggestions = database.suggestionStore();
            this.audit = database.auditLog(clock);
            this.openFga = fgaSettings.connected()
                    ? OpenFga.connect(fgaSettings, ProductModel.get(), allTuples(database.policyAdmin()))
                    : null;
            RelationshipCheck fga = openFga != null
                    ? guard.apply(openFga.relationshipCheck())
                    : new EmbeddedRelationshipCheck(database.tupleStore());
            var keysDir = settings.dataDir().resolve("keys");
            this.identity = new EmbeddedIdentity(SigningKeys.loadOrCreate(keysDir, "identity"), policies, clock);
            var vault = new EmbeddedTokenVault(SigningKeys.loadOrCreate(keysDir, "vault"), fga, clock);
            BiConsumer<Suggestion, String> toDevices = devices::approvalRequested;
            this.pipeline = new ChunkPipeline(new ChunkPipeline.Ports(policies, meetings, new LocalTopicClassifier(),
                    fga, vault, new PlaybookResponseGenerator(), new EmbeddedStepUpApproval(toDevices), suggestions,
                    audit, clock));
            ApprovalListener listener = devices::approvalDecided;
            this.approvals = new ApprovalDesk(suggestions, audit, clock, listener);
            this.records = new MeetingRecords(meetings, audit);
            this.playground = new PolicyPlayground(policies, pipeline);
            this.switches = new TopicSwitches(policies, meetings, audit);
            this.attendance = new MeetingAttendance(meetings, suggestions, switches);
            this.policyAsCode = new PolicyAsCode(database.policyAdmin(),
                    openFga != null ? openFga.remoteTuples() : RemoteTuples.NONE, audit);
            var auditKeys = SigningKeys.loadOrCreate(keysDir, "audit");
            var seal = new CheckpointSeal(auditKeys.privateKey(), auditKeys.publicKey(), auditKeys.keyId());
            this.auditTrail = new AuditTrail(database.auditReader(), audit, records, seal);
            this.retention = new AuditRetention(database.auditPruning(), database.auditReader(), audit, seal, clock);
            this.shares = new MeetingShares(ShareTokens.loadOrCreate(keysDir, clock), records, audit, auditTrail, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        // retention: a few minutes after start, then every six hours
        housekeeping.scheduleWithFixedDelay(retention::run, 5, 6 * 60, java.util.concurrent.TimeUnit.MINUTES);
        LOG.log(System.Logger.Level.INFO, "Proxy Me engine started: " + settings + ", fga " + fgaSettings);
    }

    /** Opens the database (migrating and seeding it on first start) and wires every use case. */
    public static ProxyMe start(EngineSettings settings, Clock clock, Devices devices) {
        return new ProxyMe(settings, FgaSettings.EMBEDDED, UnaryOperator.identity(), clock, devices);
    }

    /**
     * As {@link #start(EngineSettings, Clock, Devices)}, with the FGA the settings choose; {@code guard} wraps a
     * connected relationship check (the runtime's timeout, retry and circuit breaker).
     */
    public static ProxyMe start(EngineSettings settings, FgaSettings fga, UnaryOperator<RelationshipCheck> guard,
            Clock clock, Devices devices) {
        return new ProxyMe(settings, fga, guard, clock, devices);
    }

    /**
     * {@code fga-sync}: writes the product's model to the OpenFGA store (and the organisations' tuples when the
     * store has none); returns the new model's id.
     */
    public static String syncFga(EngineSettings settings, FgaSettings fga) {
        if (!fga.connected()) {
            throw new IllegalArgumentException("fga-sync needs PROXYME_FGA=openfga");
        }
        String url = settings.embeddedDatabase() ? Database.h2FileUrl(settings.dataDir()) : settings.dbUrl();
        try (Database db = Database.open(url, settings.dbUser(), settings.dbPassword(), settings.defaults())) {
            new PolicySeeder(db.policyAdmin()).seed();
            try (OpenFga openFga = OpenFga.open(fga)) {
                return openFga.sync(ProductModel.get(), allTuples(db.policyAdmin()));
            }
        }
    }

    private static java.util.List<app.proxyme.engine.fga.Tuple> allTuples(PolicyAdmin admin) {
        var tuples = new ArrayList<app.proxyme.engine.fga.Tuple>();
        for (String org : admin.organisations()) {
            admin.export(org).ifPresent(doc -> tuples.addAll(PolicyTuples.of(doc)));
        }
        return tuples;
    }

    public HandleChunk pipeline() {
        return pipeline;
    }

    public DecideApproval approvals() {
        return approvals;
    }

    public ReadMeetingRecord records() {
        return records;
    }

    public EvaluatePolicy playground() {
        return playground;
    }

    public SwitchTopics switches() {
        return switches;
    }

    public JoinMeeting attendance() {
        return attendance;
    }

    /** The organisation's whole policy as a YAML file: export and import (admins). */
    public PolicyAsCode policyAsCode() {
        return policyAsCode;
    }

    /** Export and verification of the audit trail. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Read-only, expiring share links to a meeting's record. */
    public MeetingShares shares() {
        return shares;
    }

    /** The audit retention job (also run every six hours). */
    public AuditRetention retention() {
        return retention;
    }





    public Identity identity() {
        return identity;
    }

    /** The demo users of the shipped demo organisations, as stored now (gone ones left out), in file order. */
    public List<Member> demoUsers() {
        return PolicyFiles.DEMO_ORGS.stream()
                .flatMap(org -> PolicyFiles.demo(org).members().keySet().stream())
                .map(policies::member)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public void close() {
        if (openFga != null) {
            openFga.close();
        }
        housekeeping.shutdownNow();
        database.close();
    }
}
