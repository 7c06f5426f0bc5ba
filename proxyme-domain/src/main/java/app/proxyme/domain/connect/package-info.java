/**
 * Acting through a user's connected third-party accounts (Slack, ...): the token for a connection (Auth0 Token
 * Vault, or the embedded outbox that stands in for the third party), and the messages sent with it.
 */
package app.proxyme.domain.connect;
