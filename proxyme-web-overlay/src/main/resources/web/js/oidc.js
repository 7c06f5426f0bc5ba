// Sign-in with the organisation's OpenID provider: Authorization Code with PKCE (S256) for a public client, so the
// page holds no secret. The verifier and state wait in sessionStorage while the browser is at the provider.
const PENDING = 'proxyme.oidc';

function b64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return `${location.origin}/`;
}

/** Sends the browser to the provider; it comes back to this page with ?code=…&state=…. */
export async function startSignIn(config, meetingId) {
  if (!crypto.subtle) throw new Error('signing in needs https (or localhost): the browser offers no SHA-256 here');
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(PENDING, JSON.stringify({
    verifier, state, meetingId, tokenEndpoint: config.tokenEndpoint, clientId: config.clientId,
  }));
  const params = {
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    code_challenge: challenge, code_challenge_method: 'S256', state,
  };
  if (config.audience) params.audience = config.audience;
  const url = new URL(config.authorizationEndpoint);
  url.search = new URLSearchParams(params).toString();
  location.assign(url.toString());
}

/**
 * Completes a sign-in when the provider sent the browser back here: the session (token and member), or null when
 * this page load is no such return. Throws with a message a user can act on.
 */
export async function finishSignIn() {
  const answer = new URLSearchParams(location.search);
  if (!answer.has('code') && !answer.has('error')) return null;
  history.replaceState(null, '', location.pathname); // the code is spent either way
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (answer.has('error')) throw new Error(`the provider refused: ${answer.get('error_description') || answer.get('error')}`);
  if (!pending || answer.get('state') !== pending.state) {
    throw new Error('this sign-in answer does not belong to a sign-in started in this tab: sign in again');
  }
  const r = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: pending.clientId, code: answer.get('code'),
      redirect_uri: redirectUri(), code_verifier: pending.verifier,
    }),
  });
  if (!r.ok) throw new Error(`the provider did not exchange the sign-in code (HTTP ${r.status})`);
  const token = (await r.json()).access_token;
  const me = await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` } });
  if (me.status === 401) throw new Error('you signed in, but this account is not a member of any organisation here');
  if (!me.ok) throw new Error(`the server could not check the sign-in (HTTP ${me.status})`);
  const m = await me.json();
  return { token, user: m.user, role: m.role, org: m.org, name: m.name, meetingId: pending.meetingId };
}
