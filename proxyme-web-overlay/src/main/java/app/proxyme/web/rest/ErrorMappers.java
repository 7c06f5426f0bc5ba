package app.proxyme.web.rest;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;

/** Refusals as JSON: {@code {"error":"not_found","message":"..."}} with the matching status. */
final class ErrorMappers {
    private ErrorMappers() {}

    static Response error(Response.Status status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", code, "message", message))
                .build();
    }

    @Provider
    public static class DomainErrors implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            Response.Status status = switch (e.kind()) {
                case NOT_FOUND -> Response.Status.NOT_FOUND;
                case FORBIDDEN -> Response.Status.FORBIDDEN;
                case CONFLICT -> Response.Status.CONFLICT;
                case BAD_REQUEST -> Response.Status.BAD_REQUEST;
            };
            return error(status, e.kind().name().toLowerCase(Locale.ROOT), e.getMessage());
        }
    }

    /** Request bodies the records refuse (their compact constructors validate). */
    @Provider
    public static class BadInput implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, "bad_request", e.getMessage());
        }
    }

    /** A service the request needs is down (the audit trail among them: nothing changed): 503 {@code unavailable}. */
    @Provider
    public static class Unavailable implements ExceptionMapper<DependencyUnavailableException> {
        @Override
        public Response toResponse(DependencyUnavailableException e) {
            return error(
                    Response.Status.SERVICE_UNAVAILABLE,
                    "unavailable",
                    e.dependency() + " is unavailable: nothing changed, try again");
        }
    }

    @Provider
    public static class BadJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return error(Response.Status.BAD_REQUEST, "bad_request", "request body is not the expected JSON");
        }
    }
}
