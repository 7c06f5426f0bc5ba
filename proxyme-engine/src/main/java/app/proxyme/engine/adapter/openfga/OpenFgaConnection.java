package app.proxyme.engine.adapter.openfga;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.engine.fga.FgaSettings;
import dev.openfga.sdk.api.client.OpenFgaClient;
import dev.openfga.sdk.api.configuration.ApiToken;
import dev.openfga.sdk.api.configuration.ClientConfiguration;
import dev.openfga.sdk.api.configuration.ClientCredentials;
import dev.openfga.sdk.api.configuration.Credentials;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SDK client and the dedicated threads its calls run on. The SDK blocks and retries on its own, so every call
 * is bounded here by the overall timeout, and its own retries are limited to one; any failure becomes
 * {@link DependencyUnavailableException} ("fga").
 */
final class OpenFgaConnection implements AutoCloseable {
    /** A call to the SDK. */
    interface Call<T> {
        CompletableFuture<T> start(OpenFgaClient client) throws Exception;
    }

    private final OpenFgaClient client;
    private final ExecutorService executor;
    private final Duration timeout;
    private volatile String pinned;

    OpenFgaConnection(FgaSettings settings) {
        this.timeout = settings.timeout();
        var config = new ClientConfiguration()
                .apiUrl(settings.apiUrl())
                .storeId(settings.storeId())
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .maxRetries(1)
                .minimumRetryDelay(Duration.ofMillis(50));
        if (settings.hasModelId()) {
            config.authorizationModelId(settings.modelId());
            pinned = settings.modelId();
        }
        if (settings.apiToken() != null && !settings.apiToken().isBlank()) {
            config.credentials(new Credentials(new ApiToken(settings.apiToken())));
        } else if (settings.clientId() != null && !settings.clientId().isBlank()) {
            config.credentials(new Credentials(new ClientCredentials()
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .apiTokenIssuer(settings.tokenIssuer())
                    .apiAudience(settings.audience())));
        }
        try {
            this.client = new OpenFgaClient(config);
        } catch (Exception e) {
            throw new IllegalArgumentException("OpenFGA settings refused: " + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "openfga-call");
            t.setDaemon(true);
            return t;
        });
    }

    /** From now on, checks and writes name this model. */
    void useModel(String modelId) {
        try {
            client.setAuthorizationModelId(modelId);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e);
        }
        pinned = modelId;
    }

    /**
     * The model every call names ({@code PROXYME_FGA_MODEL_ID}), or {@code null}: then the server answers each call
     * with the store's newest model, the one the last model write made.
     */
    String pinnedModel() {
        return pinned;
    }

    /** Runs the call on the dedicated threads and waits at most the overall timeout. */
    <T> T call(String what, Call<T> call) {
        Future<T> future = executor.submit(() -> call.start(client).get());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DependencyUnavailableException("fga", what + " timed out after " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof ExecutionException inner && inner.getCause() != null
                    ? inner.getCause()
                    : e.getCause();
            throw new DependencyUnavailableException("fga", what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("fga", what + " interrupted", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
