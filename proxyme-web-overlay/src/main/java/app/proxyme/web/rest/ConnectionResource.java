package app.proxyme.web.rest;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.connect.AccountNotConnectedException;
import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.connect.RateLimitedException;
import app.proxyme.domain.connect.SentMessage;
import app.proxyme.domain.port.in.SendThroughConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/connections}: messages through the caller's connected accounts. {@code POST
 * /api/connections/{connection}/messages {"channel","topic","text","meetingId"?}} → 201 with the sent message; 403
 * {@code forbidden_scope} when the caller's role may not answer the topic; 409 {@code not_connected} ("connect your
 * Slack account first"); 429 with {@code Retry-After} when the vault or the third party asks to wait. {@code GET
 * /api/connections/messages}: the caller's sent messages, newest first (embedded: their outbox). Third-party tokens
 * never leave the server.
 */
@ApplicationScoped
@Path("/api/connections")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {
    /** The request body. */
    public record MessageRequest(String channel, String topic, String text, String meetingId) {}

    private final SendThroughConnection connections;

    @Inject
    public ConnectionResource(SendThroughConnection connections) {
        this.connections = connections;
    }

    protected ConnectionResource() {
        this(null);
    }

    @POST
    @Path("/{connection}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(
            @PathParam("connection") String connection, MessageRequest body, @Context ContainerRequestContext rq) {
        if (body == null) {
            throw DomainException.badRequest("a JSON body with 'channel', 'topic' and 'text' is required");
        }
        var message = new OutgoingMessage(connection, body.channel(), body.topic(), body.meetingId(), body.text());
        try {
            SentMessage sent = connections.send(Caller.of(rq), bearer(rq), message);
            return Response.status(Response.Status.CREATED).entity(json(sent)).build();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                return ErrorMappers.error(Response.Status.FORBIDDEN, "forbidden_scope", e.getMessage());
            }
            throw e;
        } catch (AccountNotConnectedException e) {
            return ErrorMappers.error(Response.Status.CONFLICT, "not_connected", e.getMessage());
        } catch (RateLimitedException e) {
            return Response.fromResponse(
                            ErrorMappers.error(Response.Status.TOO_MANY_REQUESTS, "rate_limited", e.getMessage()))
                    .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
                    .build();
        }
    }

    @GET
    @Path("/messages")
    public List<Map<String, Object>> sent(@Context ContainerRequestContext rq) {
        return connections.sent(Caller.of(rq)).stream()
                .map(ConnectionResource::json)
                .toList();
    }

    private static String bearer(ContainerRequestContext rq) {
        String header = rq.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }

    private static Map<String, Object> json(SentMessage s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("connection", s.message().connection());
        m.put("channel", s.message().channel());
        m.put("topic", s.message().topic());
        m.put("meetingId", s.message().meetingId());
        m.put("text", s.message().text());
        m.put("deliveredTo", s.deliveredTo());
        m.put("reference", s.reference());
        m.put("sentAt", s.sentAt().toString());
        return m;
    }
}
