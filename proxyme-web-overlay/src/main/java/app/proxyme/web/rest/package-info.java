/** The REST API of PROTOCOL.md: sign-in, policy dry runs, approvals, meeting audit, JWKS. */
package app.proxyme.web.rest;
