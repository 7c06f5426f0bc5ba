package app.proxyme.web.rest;

import app.proxyme.domain.policy.Member;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The signed-in member of a request, as {@link BearerFilter} found it. */
final class Caller {
    static final String PROPERTY = "proxyme.member";

    private Caller() {}

    static Member of(ContainerRequestContext request) {
        Object member = request.getProperty(PROPERTY);
        if (member == null) {
            throw new IllegalStateException("no signed-in member on a protected path");
        }
        return (Member) member;
    }
}
