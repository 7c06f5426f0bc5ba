/**
 * Connected step-up approval: Auth0 Client-Initiated Backchannel Authentication (CIBA) pushes the approval to the
 * user's phone (Guardian), and a poller on one instance at a time settles what the user decided there.
 */
package app.proxyme.engine.adapter.ciba;
