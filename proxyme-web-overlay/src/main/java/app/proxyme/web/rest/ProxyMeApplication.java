package app.proxyme.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST application: resources, the bearer filter, and the error mappers. */
@ApplicationScoped
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Proxy Me",
                        version = "1",
                        description = "What an AI may say in a meeting: decisions, approvals, audit."))
public class ProxyMeApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                LoginResource.class,
                DemoUsersResource.class,
                EvaluateResource.class,
                ApprovalResource.class,
                MeetingResource.class,
                PolicyResource.class,
                AuditResource.class,
                ShareResource.class,
                JwksResource.class,
                VaultResource.class,
                PairingResource.class,
                DraftResource.class,
                AuthConfigResource.class,
                ConnectionResource.class,
                PhonePage.class,
                AciResource.class,
                AgentRegistryResource.class,
                AgentApiResource.class,
                AciErrors.class,
                BearerFilter.class,
                ErrorMappers.DomainErrors.class,
                ErrorMappers.BadInput.class,
                ErrorMappers.BadJson.class,
                ErrorMappers.Unavailable.class,
                org.glassfish.jersey.jackson.JacksonFeature.class);
    }
}
