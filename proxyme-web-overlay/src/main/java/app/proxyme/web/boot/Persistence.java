package app.proxyme.web.boot;

import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditPruning;
import app.proxyme.domain.port.out.AuditReader;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.OpenChunks;
import app.proxyme.domain.port.out.PairingCodes;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.SentMessages;
import app.proxyme.domain.port.out.ShareStore;
import app.proxyme.domain.port.out.SharedCaches;
import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.engine.EngineSettings;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.fga.ConditionStore;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.keys.KeyStore;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.engine.policy.PolicySeeder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The stores: one database (H2 file by default, PostgreSQL when {@code PROXYME_DB_URL} is set), every store on it. */
@ApplicationScoped
class Persistence {
    /** Migrated, and seeded with the demo organisations on first start. */
    static Database open(EngineSettings settings) {
        String url = settings.embeddedDatabase() ? Database.h2FileUrl(settings.dataDir()) : settings.dbUrl();
        Database db = Database.open(
                url,
                settings.dbUser(),
                settings.dbPassword(),
                settings.dbMigrateUser(),
                settings.dbMigratePassword(),
                settings.defaults());
        try {
            new PolicySeeder(db.policyAdmin()).seed();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Produces
    @Singleton
    Database database(RuntimeSettings settings) {
        return open(settings.engine());
    }

    void close(@Disposes Database db) {
        db.close();
    }

    @Produces
    @Singleton
    KeyStore keyStore(Database db) {
        return db.keyStore();
    }

    @Produces
    @Singleton
    PolicyStore policies(Database db) {
        return db.policyStore();
    }

    @Produces
    @Singleton
    PolicyAdmin policyAdmin(Database db) {
        return db.policyAdmin();
    }

    @Produces
    @Singleton
    TupleStore tuples(Database db) {
        return db.tupleStore();
    }

    @Produces
    @Singleton
    ConditionStore conditions(Database db) {
        return db.conditionStore();
    }

    @Produces
    @Singleton
    MeetingStore meetings(Database db) {
        return db.meetingStore();
    }

    @Produces
    @Singleton
    SuggestionStore suggestions(Database db) {
        return db.suggestionStore();
    }

    @Produces
    @Singleton
    AuditLog auditLog(Database db, Clock clock) {
        return db.auditLog(clock);
    }

    @Produces
    @Singleton
    AuditReader auditReader(Database db) {
        return db.auditReader();
    }

    @Produces
    @Singleton
    AuditPruning auditPruning(Database db) {
        return db.auditPruning();
    }

    @Produces
    @Singleton
    SentMessages sentMessages(Database db) {
        return db.sentMessages();
    }

    @Produces
    @Singleton
    PairingCodes pairingCodes(Database db) {
        return db.pairingCodes();
    }

    @Produces
    @Singleton
    ShareStore shareStore(Database db) {
        return db.shareStore();
    }

    @Produces
    @Singleton
    OpenChunks openChunks(Database db) {
        return db.openChunks();
    }

    @Produces
    @Singleton
    SharedCaches sharedCaches(Database db) {
        return db.sharedCaches();
    }

    @Produces
    @Singleton
    Leases leases(Database db) {
        return db.leases();
    }
}
