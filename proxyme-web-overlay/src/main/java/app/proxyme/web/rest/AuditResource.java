package app.proxyme.web.rest;

import app.proxyme.engine.ProxyMe;
import app.proxyme.engine.audit.AuditTrail;
import app.proxyme.engine.audit.ChainVerdict;
import app.proxyme.engine.audit.ExportQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/audit/export} (streamed JSON Lines or CSV) and {@code GET /api/audit/verify}. */
@ApplicationScoped
@Path("/api/audit")
public class AuditResource {
    static final String JSONL = "application/x-ndjson";
    private final ProxyMe proxyMe;

    @Inject
    public AuditResource(ProxyMe proxyMe) {
        this.proxyMe = proxyMe;
    }

    protected AuditResource() {
        this.proxyMe = null;
    }

    @GET
    @Path("/export")
    public Response export(@QueryParam("format") String format, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("fromSeq") String fromSeq, @QueryParam("toSeq") String toSeq,
            @QueryParam("meeting") String meeting, @Context ContainerRequestContext rq) {
        var query = ExportQuery.parse(format, from, to, fromSeq, toSeq, meeting);
        AuditTrail.Export export = proxyMe.auditTrail().export(Caller.of(rq), query);
        boolean csv = export.format().equals("csv");
        StreamingOutput body = export::writeTo;
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : JSONL + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit." + export.format() + "\"")
                .build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> verify(@Context ContainerRequestContext rq) {
        return json(proxyMe.auditTrail().verify(Caller.of(rq)));
    }

    static Map<String, Object> json(ChainVerdict v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("ok", v.ok());
        m.put("events", v.events());
        if (v.ok()) {
            m.put("head", v.head());
        } else {
            m.put("firstBad", v.firstBad());
            m.put("seq", v.firstBadSeq());
            m.put("reason", v.reason());
        }
        return m;
    }
}
