package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.port.out.AgentPermissions;
import app.proxyme.domain.port.out.AgentRegistry;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditPruning;
import app.proxyme.domain.port.out.AuditReader;
import app.proxyme.domain.port.out.Consents;
import app.proxyme.domain.port.out.Handoffs;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.OpenChunks;
import app.proxyme.domain.port.out.PairingCodes;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.ReplayGuard;
import app.proxyme.domain.port.out.SentMessages;
import app.proxyme.domain.port.out.ShareStore;
import app.proxyme.domain.port.out.SharedCaches;
import app.proxyme.domain.port.out.StepUpRequests;
import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.domain.port.out.TokenRefs;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.keys.KeyStore;
import app.proxyme.engine.policy.PolicyAdmin;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * The database (H2 file or PostgreSQL): migrates the schema with Flyway, then opens a RESOURCE_LOCAL EclipseLink
 * persistence unit with explicit transactions (no JTA, no JNDI). Hands out the persistence adapters of the ports;
 * they share caches, so take them from one {@code Database} per process. Several processes may share one PostgreSQL
 * database: each hears the others' changes ({@link ChangeListener}) and reads through while it cannot.
 */
public final class Database implements AutoCloseable {

    private final EntityManagerFactory emf;
    private final Tx tx;
    private final AtomicLong tupleVersion = new AtomicLong();
    private final JpaPolicyStore policyStore;
    private final JpaTupleStore tupleStore;
    private final JpaPolicyAdmin policyAdmin;
    private final JpaMeetingStore meetingStore;
    private final JpaSuggestionStore suggestionStore;
    private final List<GroupCommitAuditLog> auditLogs = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Connections kept for transactions, and for reads outside them (per instance; PostgreSQL allows 100). */
    static final int WRITE_CONNECTIONS = 16;

    static final int READ_CONNECTIONS = 8;

    private final boolean postgres;
    /** The lease holder of every process on the embedded database. */
    static final String EMBEDDED_INSTANCE = "embedded";

    private final CacheTrust trust;
    private final ChangeListener changes;
    private final JpaLeases leases;
    private final MessageRelay relay;

    private Database(EntityManagerFactory emf, PolicySettings defaults, boolean postgres, Login login) {
        this.emf = emf;
        this.postgres = postgres;
        this.tx = new Tx(emf);
        this.trust = postgres ? CacheTrust.untilListening() : CacheTrust.singleProcess();
        this.policyStore = new JpaPolicyStore(tx, defaults, trust);
        this.tupleStore = new JpaTupleStore(tx, tupleVersion, trust);
        this.policyAdmin = new JpaPolicyAdmin(tx, policyStore, tupleVersion);
        this.meetingStore = new JpaMeetingStore(tx, trust);
        this.suggestionStore = new JpaSuggestionStore(tx);
        // the embedded database has one process at a time (a file lock): a lease left by an earlier, dead process is
        // this process's to renew at once, so all of them hold as one instance
        this.leases = new JpaLeases(tx, postgres ? UUID.randomUUID().toString() : EMBEDDED_INSTANCE, Clock.systemUTC());
        this.relay = postgres ? new MessageRelay(tx, leases.instance(), Clock.systemUTC()) : null;
        this.changes = postgres
                ? new ChangeListener(
                        login.url(),
                        login.user(),
                        login.password(),
                        trust,
                        Map.of(ChangeListener.CHANNEL, this::changed, MessageRelay.CHANNEL, relay::heard),
                        this::resumed)
                : null;
    }

    /**
     * This process's leases (one holder id per {@code Database}, so per process): jobs that must run on one instance
     * at a time take one before each run.
     */
    public Leases leases() {
        return leases;
    }

    /** Leases held as another instance would hold them, by {@code instance} on {@code clock} (tests). */
    Leases leasesOf(String instance, Clock clock) {
        return new JpaLeases(tx, instance, clock);
    }

    /** How to connect to the database once more (the change listener has a connection of its own). */
    private record Login(String url, String user, String password) {}

    /** Another instance (or this one) committed a change: forget what the notification names. */
    private void changed(String payload) {
        if (payload != null && payload.startsWith("policy:")) {
            policyStore.invalidate(payload.substring("policy:".length()));
        } else if ("tuples".equals(payload)) {
            tupleVersion.incrementAndGet();
        } else if (payload != null && payload.startsWith("toggles:")) {
            String[] owner = payload.substring("toggles:".length()).split("\t", 3);
            if (owner.length == 3) {
                meetingStore.forget(owner[0], owner[1], owner[2]);
            } else {
                meetingStore.forgetAll();
            }
        } else {
            forgetAll();
        }
    }

    /** Listening (re)started: what changed meanwhile is unknown; messages published meanwhile are read. */
    private void resumed(Instant lostAt) {
        forgetAll();
        if (lostAt != null) {
            relay.resumed(lostAt);
        }
    }

    /**
     * Messages for users' connections on other instances sharing this database; none with the embedded database,
     * which one process owns.
     */
    public Optional<MessageRelay> messageRelay() {
        return Optional.ofNullable(relay);
    }

    private void forgetAll() {
        policyStore.invalidateAll();
        meetingStore.forgetAll();
        tupleVersion.incrementAndGet();
    }

    /**
     * Whether this instance's caches can be trusted: with PostgreSQL, while it hears the changes other instances
     * commit ({@code LISTEN proxyme_changes}); otherwise every read goes to the database.
     */
    public SharedCaches sharedCaches() {
        return trust;
    }

    /** Opens the database with {@link PolicySettings#DEFAULTS}; see {@link #open(String, String, String, PolicySettings)}. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, PolicySettings.DEFAULTS);
    }

    /**
     * Migrates the schema and opens the persistence unit, migrating with the runtime's own credentials.
     *
     * @param defaults policy settings for what an organisation's stored settings leave out
     */
    public static Database open(String jdbcUrl, String user, String password, PolicySettings defaults) {
        return open(jdbcUrl, user, password, null, null, defaults);
    }

    /**
     * Migrates the schema as {@code migrateUser} (the owner of the tables; {@code null} or blank: the runtime user),
     * then opens the persistence unit as {@code user}. On PostgreSQL with a migration user of its own, the runtime
     * user is granted what it needs and no more: it reads and inserts audit events, updates the chain heads, prunes
     * only through {@code audit_prune}, and cannot alter the audit table or its append-only trigger.
     *
     * @param defaults policy settings for what an organisation's stored settings leave out
     */
    public static Database open(
            String jdbcUrl,
            String user,
            String password,
            String migrateUser,
            String migratePassword,
            PolicySettings defaults) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(defaults, "defaults");
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        boolean ownMigrator = migrateUser != null && !migrateUser.isBlank() && !migrateUser.equals(user);
        String mUser = ownMigrator ? migrateUser : user;
        String mPassword = ownMigrator ? migratePassword : password;
        // PostgreSQL also gets db/postgresql (append-only trigger, audit_prune), H2 db/h2 (its append-only trigger)
        String[] locations = postgres
                ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration", "classpath:db/h2"};
        Flyway.configure()
                .dataSource(jdbcUrl, mUser, mPassword)
                .locations(locations)
                .load()
                .migrate();
        if (postgres && ownMigrator) {
            PostgresGrants.grant(jdbcUrl, mUser, mPassword, user);
        }
        var props = new HashMap<String, Object>();
        props.put("jakarta.persistence.jdbc.url", jdbcUrl);
        props.put("jakarta.persistence.jdbc.user", user == null ? "" : user);
        props.put("jakarta.persistence.jdbc.password", password == null ? "" : password);
        props.put("jakarta.persistence.jdbc.driver", driverOf(jdbcUrl));
        props.put("eclipselink.logging.logger", "JavaLogger");
        props.put("eclipselink.logging.level", "WARNING");
        // Exceptions reach the adapters, which translate them (some, like a lost creation race, are expected).
        props.put("eclipselink.logging.exceptions", "false");
        props.put("eclipselink.weaving", "false");
        props.put("eclipselink.cache.shared.default", "false");
        props.put("eclipselink.ddl-generation", "none");
        // EclipseLink closes a released connection when the pool holds its minimum already: with a minimum below the
        // maximum, a busy instance opened (and PostgreSQL forked a backend for) a connection per transaction
        props.put("eclipselink.jdbc.connections.initial", "1");
        props.put("eclipselink.jdbc.connections.min", String.valueOf(WRITE_CONNECTIONS));
        props.put("eclipselink.jdbc.connections.max", String.valueOf(WRITE_CONNECTIONS));
        props.put("eclipselink.jdbc.read-connections.initial", "1");
        props.put("eclipselink.jdbc.read-connections.min", String.valueOf(READ_CONNECTIONS));
        props.put("eclipselink.jdbc.read-connections.max", String.valueOf(READ_CONNECTIONS));
        // group-committed audit batches insert hundreds of rows per transaction: send them as JDBC batches
        props.put("eclipselink.jdbc.batch-writing", "JDBC");
        props.put("eclipselink.jdbc.batch-writing.size", "200");
        props.put("eclipselink.jdbc.property.reWriteBatchedInserts", "true");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("proxyme", props);
        try {
            emf.createEntityManager().close();
        } catch (RuntimeException e) {
            emf.close();
            throw e;
        }
        if (postgres) {
            PostgresGrants.warnUnlessLeastPrivilege(emf);
        }
        var db = new Database(emf, defaults, postgres, new Login(jdbcUrl, user, password));
        if (db.changes != null) {
            try {
                // the first decisions can use the caches; if it takes longer, they read through until it listens
                db.changes.awaitListening(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return db;
    }

    /**
     * A durable H2 file database in {@code dataDir}: every acknowledged commit is written before the commit
     * returns ({@code WRITE_DELAY=0}), so it survives the process being killed; one process at a time
     * ({@code AUTO_SERVER=FALSE}); closed by {@link #close()}, not by a shutdown hook.
     */
    public static String h2FileUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("proxyme");
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    private static String driverOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("unsupported database URL (H2 or PostgreSQL): " + url.split("[;?]")[0]);
    }

    /** Members and policies, with each organisation's policy cached until it is written. */
    public PolicyStore policyStore() {
        return policyStore;
    }

    /** Writes policy documents (and their FGA tuples); used by the seeder and {@code PUT /api/policy}. */
    public PolicyAdmin policyAdmin() {
        return policyAdmin;
    }

    public MeetingStore meetingStore() {
        return meetingStore;
    }

    public SuggestionStore suggestionStore() {
        return suggestionStore;
    }

    /**
     * The audit log, timestamping with {@code clock}: appends are group-committed by one committer thread (closed
     * with the database); each caller returns once its events are committed.
     */
    public AuditLog auditLog(Clock clock) {
        var log = new GroupCommitAuditLog(new JpaAuditLog(tx, clock, leases.instance()));
        auditLogs.add(log);
        return log;
    }

    /** The signing keys every instance on this database shares. */
    public KeyStore keyStore() {
        return new JpaKeyStore(tx);
    }

    /** Share links: stored, listed, revoked. */
    public ShareStore shareStore() {
        return new JpaShareStore(tx);
    }

    /** Messages users sent through their connected accounts (embedded: the outbox). */
    public SentMessages sentMessages() {
        return new JpaSentMessages(tx);
    }

    /** The ACI gateway's stores (ACI.md): agents, token references, replay ids, hops and inboxes, consents. */
    public record AciStores(
            AgentRegistry agents,
            TokenRefs tokens,
            ReplayGuard replay,
            Handoffs handoffs,
            Consents consents,
            AgentPermissions permissions,
            JpaBuiltInKeys builtInKeys) {}

    /** The ACI gateway's stores, timed by {@code clock}. */
    public AciStores aciStores(Clock clock) {
        return new AciStores(
                new JpaAgentRegistry(tx, clock),
                new JpaTokenRefs(tx),
                new JpaReplayGuard(tx, clock),
                new JpaHandoffs(tx),
                new JpaConsents(tx),
                new JpaAgentPermissions(tx),
                new JpaBuiltInKeys(tx, clock));
    }

    /** One-time codes that pair a phone with a member. */
    public PairingCodes pairingCodes() {
        return new JpaPairingCodes(tx);
    }

    /** Out-of-band approval requests (Auth0 CIBA) and where their polling stands. */
    public StepUpRequests stepUpRequests() {
        return new JpaStepUpRequests(tx);
    }

    /** Acknowledged chunks without a decision yet, kept by the audit log (chunk recovery). */
    public OpenChunks openChunks() {
        return new OpenChunkIndex(tx, leases.instance());
    }

    /** Reads audit chains back in pages (export, verification). */
    public AuditReader auditReader() {
        return new JpaAuditReader(tx);
    }

    /** The retention job's access to the audit table. */
    public AuditPruning auditPruning() {
        return new JpaAuditPruning(tx, postgres);
    }

    /** An organisation's audit events with {@code fromSeq <= seq <= toSeq}, oldest first (export, verify). */
    public List<AuditRecord> auditEvents(String org, long fromSeq, long toSeq) {
        return new JpaAuditLog(tx, Clock.systemUTC(), leases.instance()).range(org, fromSeq, toSeq);
    }

    /** The FGA tuples read by the embedded relationship check. */
    public app.proxyme.engine.fga.ConditionStore conditionStore() {
        return new JpaConditionStore(tx);
    }

    public TupleStore tupleStore() {
        return tupleStore;
    }

    @Override
    public void close() {
        if (changes != null) {
            changes.close();
        }
        if (relay != null) {
            relay.close();
        }
        auditLogs.forEach(GroupCommitAuditLog::close);
        if (emf.isOpen()) {
            emf.close();
        }
    }
}
