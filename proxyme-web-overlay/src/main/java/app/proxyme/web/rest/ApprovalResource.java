package app.proxyme.web.rest;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.web.app.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /api/approvals}: the signed-in user's held suggestions, and deciding them (also from the phone). */
@ApplicationScoped
@Path("/api/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {
    private final DecideApproval approvals;

    @Inject
    public ApprovalResource(DecideApproval approvals) {
        this.approvals = approvals;
    }

    protected ApprovalResource() {
        this.approvals = null;
    }

    @GET
    public List<Map<String, Object>> list(@QueryParam("status") String status, @Context ContainerRequestContext rq) {
        if (status != null && !status.equals("PENDING")) {
            throw DomainException.badRequest("only status=PENDING is listed");
        }
        return approvals.pending(Caller.of(rq)).stream()
                .map(Messages::pendingApproval)
                .toList();
    }

    @POST
    @Path("/{approvalId}/approve")
    public Map<String, Object> approve(@PathParam("approvalId") String id, @Context ContainerRequestContext rq) {
        return Messages.approval(approvals.decide(Caller.of(rq), id, true), null);
    }

    @POST
    @Path("/{approvalId}/deny")
    public Map<String, Object> deny(@PathParam("approvalId") String id, @Context ContainerRequestContext rq) {
        return Messages.approval(approvals.decide(Caller.of(rq), id, false), null);
    }
}
