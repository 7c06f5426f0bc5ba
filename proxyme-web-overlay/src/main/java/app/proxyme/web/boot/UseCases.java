package app.proxyme.web.boot;

import app.proxyme.domain.pipeline.ChunkPipeline;
import app.proxyme.domain.port.in.BrowseAudit;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.in.HandleChunk;
import app.proxyme.domain.port.in.IssueToken;
import app.proxyme.domain.port.in.JoinMeeting;
import app.proxyme.domain.port.in.KeepChunkOrder;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.PairDevice;
import app.proxyme.domain.port.in.ReadMeetingRecord;
import app.proxyme.domain.port.in.ReadRule;
import app.proxyme.domain.port.in.ReviewAudit;
import app.proxyme.domain.port.in.SendThroughConnection;
import app.proxyme.domain.port.in.SetMeetingContext;
import app.proxyme.domain.port.in.SettleApproval;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.in.SwitchTopics;
import app.proxyme.domain.port.in.WarmUp;
import app.proxyme.domain.port.in.WatchMeetings;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditPruning;
import app.proxyme.domain.port.out.AuditReader;
import app.proxyme.domain.port.out.DeviceTokens;
import app.proxyme.domain.port.out.FederatedTokens;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.OpenChunks;
import app.proxyme.domain.port.out.PairingCodes;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.SentMessages;
import app.proxyme.domain.port.out.ShareStore;
import app.proxyme.domain.port.out.StepUpApproval;
import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.domain.port.out.ThirdParty;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.approval.ApprovalDesk;
import app.proxyme.engine.audit.AuditRetention;
import app.proxyme.engine.audit.AuditReview;
import app.proxyme.engine.audit.AuditTrail;
import app.proxyme.engine.audit.MeetingShares;
import app.proxyme.engine.audit.seal.CheckpointSeal;
import app.proxyme.engine.audit.seal.ShareTokens;
import app.proxyme.engine.connect.ConnectionMessages;
import app.proxyme.engine.fga.RemoteFga;
import app.proxyme.engine.fga.RemoteModel;
import app.proxyme.engine.fga.RemoteModelLease;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.identity.DevicePairing;
import app.proxyme.engine.identity.SignInService;
import app.proxyme.engine.identity.TokenIssuance;
import app.proxyme.engine.meeting.ChunkRecovery;
import app.proxyme.engine.meeting.InstanceLiveness;
import app.proxyme.engine.meeting.LaneHandover;
import app.proxyme.engine.meeting.MeetingAttendance;
import app.proxyme.engine.meeting.MeetingContexts;
import app.proxyme.engine.meeting.MeetingRecords;
import app.proxyme.engine.meeting.TopicSwitches;
import app.proxyme.engine.policy.DecidedPolicyCases;
import app.proxyme.engine.policy.DecisionWarmUp;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.engine.policy.PolicyAsCode;
import app.proxyme.engine.policy.PolicyPlayground;
import app.proxyme.engine.policy.RuleDrafts;
import app.proxyme.engine.policy.rules.RuleReading;
import app.proxyme.web.app.LiveMeetings;
import app.proxyme.web.app.MeetingHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The use cases, assembled from the ports, and offered by their incoming ports. A use case that others are built on
 * is produced under its class alone ({@code @Typed}), so that its incoming port has exactly one bean.
 */
@ApplicationScoped
class UseCases {
    @Produces
    @Singleton
    @Typed(ChunkPipeline.class)
    ChunkPipeline pipeline(
            PolicyStore policies,
            MeetingStore meetings,
            TopicClassifier classifier,
            RelationshipCheck fga,
            TokenVault vault,
            ResponseGenerator generator,
            StepUpApproval stepUp,
            SuggestionStore suggestions,
            AuditLog audit,
            Clock clock) {
        return new ChunkPipeline(new ChunkPipeline.Ports(
                policies, meetings, classifier, fga, vault, generator, stepUp, suggestions, audit, clock));
    }

    @Produces
    @Singleton
    WarmUp warmUp(
            RuntimeSettings settings,
            PolicyAdmin admin,
            PolicyStore policies,
            ChunkPipeline pipeline,
            LocalModels local,
            Clock clock) {
        // a connected model is not asked thousands of times at start: the local path (its cross-check) is warmed
        ChunkPipeline dry = settings.llm().equals("local") ? pipeline : pipeline.withClassifier(local.classifier());
        var decisions =
                new DecisionWarmUp(admin, policies, dry, clock, settings.warmUpDecisions(), Duration.ofSeconds(30));
        // then the write path, rehearsed apart from the real database until the JIT settles: at most as many
        // chunks as dry decisions, and a minute
        return () -> {
            int n = decisions.warmUp();
            Rehearsal.run(settings.warmUpDecisions(), Duration.ofSeconds(60), clock);
            return n;
        };
    }

    @Produces
    @Singleton
    HandleChunk handleChunk(ChunkPipeline pipeline) {
        return pipeline;
    }

    @Produces
    @Singleton
    @Typed(ApprovalDesk.class)
    ApprovalDesk approvalDesk(SuggestionStore suggestions, AuditLog audit, Clock clock, MeetingHub hub) {
        return new ApprovalDesk(suggestions, audit, clock, hub::approvalDecided);
    }

    @Produces
    @Singleton
    DecideApproval decideApproval(ApprovalDesk desk) {
        return desk;
    }

    /** Outcomes that an out-of-band approver (Auth0 CIBA) reports, settled as the overlay's decisions are. */
    /** The console's Live screen: this instance's meetings in progress and the organisation's pending approvals. */
    @Produces
    @Singleton
    WatchMeetings watchMeetings(MeetingHub hub, DecideApproval approvals) {
        return new LiveMeetings(hub, approvals);
    }

    @Produces
    @Singleton
    SettleApproval settleApproval(ApprovalDesk desk) {
        return desk;
    }

    @Produces
    @Singleton
    @Typed(MeetingRecords.class)
    MeetingRecords meetingRecords(MeetingStore meetings, AuditLog audit) {
        return new MeetingRecords(meetings, audit);
    }

    @Produces
    @Singleton
    ReadMeetingRecord readMeetingRecord(MeetingRecords records) {
        return records;
    }

    @Produces
    @Singleton
    EvaluatePolicy evaluatePolicy(PolicyStore policies, ChunkPipeline pipeline) {
        return new PolicyPlayground(policies, pipeline);
    }

    @Produces
    @Singleton
    SwitchTopics switchTopics(PolicyStore policies, MeetingStore meetings, AuditLog audit) {
        return new TopicSwitches(policies, meetings, audit);
    }

    @Produces
    @Singleton
    SetMeetingContext setMeetingContext(PolicyStore policies, MeetingStore meetings, AuditLog audit) {
        return new MeetingContexts(policies, meetings, audit);
    }

    @Produces
    @Singleton
    JoinMeeting joinMeeting(MeetingStore meetings, SuggestionStore suggestions, SwitchTopics switches) {
        return new MeetingAttendance(meetings, suggestions, switches);
    }

    @Produces
    @Singleton
    ManagePolicy managePolicy(
            PolicyAdmin admin,
            RemoteTuples remote,
            RemoteModel model,
            RemoteModelLease lease,
            AuditLog audit,
            RuleReading reading,
            TopicClassifier classifier,
            RuntimeSettings settings) {
        // a file's test cases are decided as the playground decides, over the file itself, before it is stored
        var cases = new DecidedPolicyCases(classifier, settings.engine().defaults(), EmbeddedRelationshipCheck::new);
        return new PolicyAsCode(admin, new RemoteFga(remote, model, lease), cases, audit, reading);
    }

    @Produces
    @Singleton
    ReadRule readRule(PolicyAdmin admin, RuleReading reading) {
        return new RuleDrafts(admin, reading);
    }

    @Produces
    @Singleton
    ReviewAudit reviewAudit(AuditTrail trail) {
        return trail;
    }

    @Produces
    @Singleton
    BrowseAudit browseAudit(AuditReader reader, AuditLog audit, MeetingRecords records) {
        return new AuditReview(reader, audit, records);
    }

    @Produces
    @Singleton
    ShareMeetingRecord shareMeetingRecord(MeetingShares shares) {
        return shares;
    }

    @Produces
    @Singleton
    SignIn signIn(
            RuntimeSettings settings, Identity identity, PolicyStore policies, KeyRings keys, DeviceTokens devices) {
        return new SignInService(
                identity, policies, settings.identity().equals("embedded"), keys.vault()::publicJwks, devices);
    }

    @Produces
    @Singleton
    SendThroughConnection sendThroughConnection(
            TokenVault vault,
            FederatedTokens tokens,
            ThirdParty thirdParty,
            SentMessages sent,
            AuditLog audit,
            Clock clock) {
        return new ConnectionMessages(vault, tokens, thirdParty, sent, audit, clock);
    }

    @Produces
    @Singleton
    PairDevice pairDevice(PairingCodes codes, DeviceTokens devices, PolicyStore policies, AuditLog audit, Clock clock) {
        return new DevicePairing(codes, devices, policies, audit, clock);
    }

    @Produces
    @Singleton
    IssueToken issueToken(TokenVault vault, Clock clock) {
        return new TokenIssuance(vault, clock);
    }

    @Produces
    @Singleton
    @Typed(AuditTrail.class)
    AuditTrail auditTrail(AuditReader reader, AuditLog audit, MeetingRecords records, CheckpointSeal seal) {
        return new AuditTrail(reader, audit, records, seal);
    }

    @Produces
    @Singleton
    @Typed(MeetingShares.class)
    MeetingShares meetingShares(
            ShareTokens tokens,
            ShareStore store,
            MeetingRecords records,
            AuditLog audit,
            AuditTrail trail,
            Clock clock) {
        return new MeetingShares(tokens, store, records, audit, trail, clock);
    }

    @Produces
    @Singleton
    ChunkRecovery chunkRecovery(OpenChunks open, AuditLog audit, InstanceLiveness liveness) {
        return new ChunkRecovery(open, audit, liveness);
    }

    @Produces
    @Singleton
    InstanceLiveness liveness(Leases leases, Clock clock) {
        return new InstanceLiveness(leases, clock);
    }

    @Produces
    @Singleton
    KeepChunkOrder keepChunkOrder(OpenChunks open, InstanceLiveness liveness, ChunkRecovery recovery) {
        return new LaneHandover(open, liveness, recovery);
    }

    @Produces
    @Singleton
    AuditRetention retention(
            AuditPruning pruning, AuditReader reader, AuditLog audit, CheckpointSeal seal, Clock clock) {
        return new AuditRetention(pruning, reader, audit, seal, clock);
    }
}
