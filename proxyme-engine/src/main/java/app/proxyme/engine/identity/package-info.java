/** Who is calling: sign-in and bearer-token verification, embedded or through Auth0. */
package app.proxyme.engine.identity;
