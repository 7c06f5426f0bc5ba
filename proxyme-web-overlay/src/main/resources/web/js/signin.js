// Sign-in: the demo-user picker (embedded identity) or the organisation's OpenID provider (oidc.js), and the meeting
// id. The session lives in sessionStorage.
import { el } from './dom.js';
import { finishSignIn, startSignIn } from './oidc.js';

const SESSION_KEY = 'proxyme.session';

export function currentSession() {
  try { return JSON.parse(sessionStorage.getItem(SESSION_KEY)); } catch { return null; }
}

export function saveSession(session) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  localStorage.setItem('proxyme.last', JSON.stringify({ user: session.user, meetingId: session.meetingId }));
}

/** The session of a sign-in the provider just completed (null when this page load is none); throws its failure. */
export async function returnedSession() {
  const session = await finishSignIn();
  if (session) saveSession(session);
  return session;
}

export function forgetSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

export function newMeetingId() {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `m-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Shows the picker; calls onSignedIn(session) once a user signed in. */
export async function showSignIn(form, onSignedIn) {
  const users = form.querySelector('#users');
  const meeting = form.querySelector('#meeting');
  const error = form.querySelector('#signin-error');
  const last = JSON.parse(localStorage.getItem('proxyme.last') || '{}');
  meeting.value = last.meetingId || newMeetingId();
  form.querySelector('#new-meeting').onclick = () => { meeting.value = newMeetingId(); meeting.focus(); };

  let config = { mode: 'embedded' };
  try {
    const c = await fetch('/api/auth/config');
    if (c.ok) config = await c.json();
  } catch { /* the server is down: the picker below says so */ }
  if (config.mode !== 'embedded') {
    providerSignIn(form, config, meeting, error);
    return;
  }

  try {
    const r = await fetch('/api/dev/users');
    if (!r.ok) throw new Error(r.status === 404 ? 'Demo users are disabled on this server.' : `HTTP ${r.status}`);
    const list = await r.json();
    users.replaceChildren(el('legend', { class: 'sr-only' }, 'Demo user'), ...list.map((u, i) => el('label', { class: 'user' },
      el('input', { type: 'radio', name: 'user', value: u.email, checked: u.email === last.user || (!last.user && i === 0) }),
      el('span', {}, el('b', {}, u.name || u.email), ` · ${u.email}`),
      el('span', { class: 'meta' }, `${u.role} · ${u.org}`))));
  } catch (e) {
    users.replaceChildren(el('p', { class: 'error' }, `Could not load the demo users: ${e.message}`));
  }

  form.onsubmit = async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const email = form.querySelector('input[name=user]:checked')?.value;
    if (!email) { error.textContent = 'Pick who you are.'; return; }
    if (!meeting.checkValidity()) { error.textContent = 'Meeting id: 1–64 letters, digits, - or _.'; return; }
    const r = await fetch('/api/dev/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }),
    });
    if (!r.ok) { error.textContent = `Sign-in failed (HTTP ${r.status}).`; return; }
    const s = await r.json();
    const session = { token: s.token, user: s.user, role: s.role, org: s.org, name: s.name, meetingId: meeting.value };
    saveSession(session);
    onSignedIn(session);
  };
}

/** With an OpenID provider: one button that goes there (Authorization Code + PKCE) and comes back signed in. */
function providerSignIn(form, config, meeting, error) {
  const users = form.querySelector('#users');
  form.querySelector('#signin-title').textContent = 'Sign in';
  if (!config.clientId) {
    users.replaceChildren(el('p', { class: 'error' }, `Browser sign-in is not set up: ${config.message || ''}`));
    form.querySelector('#join').disabled = true;
    return;
  }
  users.replaceChildren(el('p', { class: 'muted' }, `You sign in with your organisation's account at ${new URL(config.issuer).host}.`));
  form.querySelector('#join').textContent = 'Sign in and join';
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    if (!meeting.checkValidity()) { error.textContent = 'Meeting id: 1–64 letters, digits, - or _.'; return; }
    try {
      await startSignIn(config, meeting.value);
    } catch (e) {
      error.textContent = e.message;
    }
  };
}
