package app.proxyme.web.boot;

import app.proxyme.domain.port.out.DeviceTokens;
import app.proxyme.domain.port.out.FederatedTokens;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.Leases;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.StepUpApproval;
import app.proxyme.domain.port.out.ThirdParty;
import app.proxyme.domain.port.out.TokenVault;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.engine.adapter.auth0.Auth0TokenVault;
import app.proxyme.engine.adapter.devices.EmbeddedStepUpApproval;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jose.DeviceTokenIssuer;
import app.proxyme.engine.adapter.jose.EmbeddedIdentity;
import app.proxyme.engine.adapter.jose.EmbeddedTokenVault;
import app.proxyme.engine.adapter.llm.OpenAiResponseGenerator;
import app.proxyme.engine.adapter.llm.OpenAiRuleProposer;
import app.proxyme.engine.adapter.llm.OpenAiTopicClassifier;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import app.proxyme.engine.adapter.nlp.PlaybookResponseGenerator;
import app.proxyme.engine.adapter.oidc.OidcIdentity;
import app.proxyme.engine.adapter.outbox.Outbox;
import app.proxyme.engine.adapter.slack.SlackChannel;
import app.proxyme.engine.audit.seal.CheckpointSeal;
import app.proxyme.engine.audit.seal.ShareTokens;
import app.proxyme.engine.fga.ConditionStore;
import app.proxyme.engine.fga.RemoteModel;
import app.proxyme.engine.fga.RemoteModelLease;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.TupleStore;
import app.proxyme.engine.identity.RoleScopedVault;
import app.proxyme.engine.keys.KeyStore;
import app.proxyme.engine.language.CrossCheckedClassifier;
import app.proxyme.engine.language.FallbackResponseGenerator;
import app.proxyme.engine.policy.rules.RuleReading;
import app.proxyme.web.app.MeetingHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One adapter per outgoing port, chosen by the mode settings. A connected adapter is reached through its guarded
 * bean ({@link GuardedRelationshipCheck}, {@link GuardedRemoteTuples}, {@link GuardedRemoteModel},
 * {@link GuardedLanguageModel}) and is never
 * created in embedded mode.
 */
@ApplicationScoped
class Adapters {
    @Produces
    @Singleton
    RuntimeSettings settings() {
        return RuntimeSettings.read(ConfigProvider.getConfig());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RelationshipCheck relationshipCheck(
            RuntimeSettings settings,
            Instance<TupleStore> tuples,
            Instance<ConditionStore> conditions,
            Instance<GuardedRelationshipCheck> guarded,
            Instance<OpenFgaLink> link) {
        if (!settings.fga().connected()) {
            return new EmbeddedRelationshipCheck(tuples.get(), conditions.get());
        }
        link.get().fga(); // connect (and write the model when none is configured) at start, not on a first chunk
        return guarded.get();
    }

    @Produces
    @Singleton
    RemoteModel remoteModel(RuntimeSettings settings, Instance<GuardedRemoteModel> guarded) {
        return settings.fga().connected() ? guarded.get() : RemoteModel.NONE;
    }

    /** One instance at a time writes the OpenFGA model for a policy change, which waits up to 10 s for it. */
    @Produces
    @Singleton
    RemoteModelLease remoteModelLease(RuntimeSettings settings, Leases leases) {
        return settings.fga().connected()
                ? new RemoteModelLease(leases, Duration.ofSeconds(10))
                : RemoteModelLease.NONE;
    }

    @Produces
    @Singleton
    RemoteTuples remoteTuples(RuntimeSettings settings, Instance<GuardedRemoteTuples> guarded) {
        return settings.fga().connected() ? guarded.get() : RemoteTuples.NONE;
    }

    /** Scoped per-topic tokens: issued in-process in every mode (no identity provider issues per-topic tokens). */
    @Produces
    @Singleton
    TokenVault tokenVault(KeyRings keys, RelationshipCheck fga, Clock clock) {
        return new RoleScopedVault(fga, new EmbeddedTokenVault(keys.vault(), clock));
    }

    /** The signing keys, shared with every instance on the database. */
    @Produces
    @Singleton
    KeyRings keyRings(RuntimeSettings settings, KeyStore store, Clock clock) {
        return KeyRings.open(store, settings.engine().dataDir().resolve("keys"), settings.keyRotation(), clock);
    }

    /** Where users' connected accounts are reached: the embedded outbox, or Auth0 Token Vault with Slack. */
    @Produces
    @Singleton
    ConnectionSettings connectionSettings(RuntimeSettings settings) {
        return ConnectionSettings.read(ConfigProvider.getConfig(), settings);
    }

    @Produces
    @Singleton
    @Typed(Outbox.class)
    Outbox outbox(Clock clock) {
        return new Outbox(clock);
    }

    @Produces
    @Singleton
    FederatedTokens federatedTokens(
            ConnectionSettings connections, RuntimeSettings settings, Outbox outbox, Clock clock) {
        return switch (connections.vault()) {
            case "auth0" ->
                new Auth0TokenVault(
                        settings.oidc().issuer(),
                        settings.oidc().clientId(),
                        connections.clientSecret().orElseThrow(),
                        clock);
            default -> outbox;
        };
    }

    @Produces
    @Singleton
    ThirdParty thirdParty(ConnectionSettings connections, Outbox outbox) {
        return connections.vault().equals("auth0") ? new SlackChannel(connections.slackApi()) : outbox;
    }

    /** Where a phone finds this server (the pairing link's base). */
    @Produces
    @Singleton
    PhoneReach phoneReach() {
        return PhoneReach.read(ConfigProvider.getConfig());
    }

    /** Tokens of paired phones: signed with the identity keys in every identity mode. */
    @Produces
    @Singleton
    DeviceTokens deviceTokens(KeyRings keys, PolicyStore policies, Clock clock) {
        return new DeviceTokenIssuer(keys.identity(), policies, clock);
    }

    @Produces
    @Singleton
    Identity identity(RuntimeSettings settings, KeyRings keys, PolicyStore policies, Clock clock) {
        return switch (settings.identity()) {
            case "embedded" -> new EmbeddedIdentity(keys.identity(), policies, clock);
            case "auth0", "oidc" -> new OidcIdentity(settings.oidc(), policies, clock);
            default -> throw new IllegalStateException("no identity adapter for " + settings.identity());
        };
    }

    /** The local classifier and generator: embedded mode's, and a connected model's cross-check and fallback. */
    @Produces
    @Singleton
    LocalModels localModels() {
        return new LocalModels(new LocalTopicClassifier(), new PlaybookResponseGenerator());
    }

    /** The connected language model's settings, checked at start ({@code PROXYME_LLM=openai} needs its key). */
    @Produces
    @Singleton
    LanguageModelSettings languageModelSettings(RuntimeSettings settings) {
        return LanguageModelSettings.read(ConfigProvider.getConfig(), settings);
    }

    /** With a connected model: the model cross-checked by the local classifier, which decides alone when it fails. */
    @Produces
    @Singleton
    TopicClassifier classifier(
            RuntimeSettings settings,
            LanguageModelSettings llm,
            LocalModels local,
            Instance<GuardedLanguageModel> guarded) {
        return switch (settings.llm()) {
            case "local" -> local.classifier();
            case "openai" -> {
                // the client is built now, not within the first chunk's deadline
                String client = guarded.get().describe();
                System.getLogger(Adapters.class.getName())
                        .log(System.Logger.Level.INFO, "classifying with " + client + ", cross-checked locally");
                yield new CrossCheckedClassifier(
                        new OpenAiTopicClassifier(guarded.get()),
                        local.classifier(),
                        llm.deadline().plusMillis(100));
            }
            default -> throw new IllegalStateException("no classifier for " + settings.llm());
        };
    }

    /** How an imported rule written as text only is read: with a connected model, it reads what the compiler cannot. */
    @Produces
    @Singleton
    RuleReading ruleReading(RuntimeSettings settings, Instance<GuardedLanguageModel> guarded) {
        return switch (settings.llm()) {
            case "local" -> RuleReading.LOCAL;
            case "openai" -> RuleReading.withModel(new OpenAiRuleProposer(guarded.get()));
            default -> throw new IllegalStateException("no rule reading for " + settings.llm());
        };
    }

    /** With a connected model: its drafts, or the playbook's answer when it fails. */
    @Produces
    @Singleton
    ResponseGenerator generator(RuntimeSettings settings, LocalModels local, Instance<GuardedLanguageModel> guarded) {
        return switch (settings.llm()) {
            case "local" -> local.generator();
            case "openai" ->
                new FallbackResponseGenerator(new OpenAiResponseGenerator(guarded.get()), local.generator());
            default -> throw new IllegalStateException("no generator for " + settings.llm());
        };
    }

    /**
     * Step-up: the request reaches the user's overlay and phone page through the hub in every mode; with
     * {@code auth0-ciba} it is also pushed to their phone.
     */
    @Produces
    @Singleton
    StepUpApproval stepUpApproval(RuntimeSettings settings, MeetingHub hub, Instance<CibaLink> ciba) {
        return switch (settings.approval()) {
            case "embedded" -> new EmbeddedStepUpApproval(hub::approvalRequested);
            case "auth0-ciba" -> ciba.get().stepUp();
            default -> throw new IllegalStateException("no step-up approval for " + settings.approval());
        };
    }

    /** Signs retention checkpoints, so that a pruned trail still verifies. */
    @Produces
    @Singleton
    CheckpointSeal checkpointSeal(KeyRings keys) {
        return new CheckpointSeal(keys.audit());
    }

    @Produces
    @Singleton
    ShareTokens shareTokens(KeyRings keys, Clock clock) {
        return new ShareTokens(keys.share(), clock);
    }
}
