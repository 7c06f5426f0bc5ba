package app.proxyme.engine.adapter.llm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST {base}/chat/completions} of an OpenAI-compatible server (CONTRACTS.md), as a MicroProfile REST Client.
 * Built programmatically by {@link OpenAiChat} with the default exception mapper disabled, so that every status comes
 * back as a {@link Response} whose status and {@code Retry-After} the caller reads. Bodies travel as JSON text.
 */
@Path("/chat/completions")
public interface ChatCompletionsApi {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(@HeaderParam("Authorization") String authorization, String body);
}
