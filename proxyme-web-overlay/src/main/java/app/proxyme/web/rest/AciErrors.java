package app.proxyme.web.rest;

import app.proxyme.domain.aci.HandoffRefused;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;

/** A refused hop as ACI.md answers it: {@code {"error":"<code>","detail":"…"}} plus its fields, with its status. */
@Provider
public class AciErrors implements ExceptionMapper<HandoffRefused> {
    @Override
    public Response toResponse(HandoffRefused e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", e.error().code());
        body.put("detail", e.getMessage());
        body.putAll(e.fields());
        var response = Response.status(e.error().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
        if (e.error().status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
