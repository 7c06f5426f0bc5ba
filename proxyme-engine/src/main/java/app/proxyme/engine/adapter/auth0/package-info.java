/** Auth0's Token Vault: third-party tokens for a user's connected accounts, by token exchange. */
package app.proxyme.engine.adapter.auth0;
