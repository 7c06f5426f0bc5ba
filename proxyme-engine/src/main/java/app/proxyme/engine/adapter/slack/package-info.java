/** Slack as a third party: messages posted with the user's own Slack token (from Token Vault). */
package app.proxyme.engine.adapter.slack;
