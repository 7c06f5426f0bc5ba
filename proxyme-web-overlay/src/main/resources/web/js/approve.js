// The phone page (/approve): pairs with a one-time code from the overlay's QR code, then lists the user's held
// suggestions live over /ws/approvals and approves or denies them through the REST API.
import { el } from './dom.js';
import { Consents } from './consents.js';

const KEY = 'proxyme.phone';
const $ = (id) => document.getElementById(id);
const cards = new Map(); // approvalId -> { node, approval }
let socket;
const consents = new Consents($('consents'), (m) => socket?.send(JSON.stringify(m)), () => empty());
const STATUS = { APPROVED: 'Approved', DENIED: 'Denied', EXPIRED: 'Expired', FAILED: 'Failed', PENDING: 'Waiting for you' };

function stored() {
  try { return JSON.parse(localStorage.getItem(KEY)); } catch { return null; }
}

function say(text) {
  $('message').hidden = !text;
  $('message').textContent = text || '';
}

async function pair() {
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  if (!code) return stored();
  history.replaceState(null, '', location.pathname); // the code is spent: keep it out of history and bookmarks
  const r = await fetch(`/api/pairing/${encodeURIComponent(code)}`, { method: 'POST' });
  if (r.ok) {
    const paired = await r.json();
    localStorage.setItem(KEY, JSON.stringify(paired));
    return paired;
  }
  say(r.status === 410
    ? 'This pairing code was used already or has expired. Show a new one in the overlay ("Approve on your phone").'
    : `Pairing failed (HTTP ${r.status}). Try a new code.`);
  return stored();
}

function remaining(expiresAt) {
  const s = Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s left` : `${s} s left`;
}

function render(a) {
  const pending = a.status === 'PENDING';
  const node = el('li', { class: `approval ${a.status}`, 'data-approval': a.approvalId },
    el('div', { class: 'topic' }, a.topic || 'unknown topic'),
    a.bindingMessage ? el('div', { class: 'binding', title: 'the same message as on the overlay' }, a.bindingMessage) : null,
    el('p', { class: 'text' }, a.text || ''),
    a.note ? el('p', { class: 'note' }, a.note) : null,
    el('div', { class: 'meta' }, `meeting ${a.meetingId || ''} · `,
      el('span', { class: 'status' }, pending ? remaining(a.expiresAt) : STATUS[a.status] || a.status)),
    pending ? el('div', { class: 'actions' },
      el('button', { class: 'approve', type: 'button', onclick: () => decide(a.approvalId, true) }, 'Approve'),
      el('button', { class: 'deny', type: 'button', onclick: () => decide(a.approvalId, false) }, 'Deny')) : null);
  return node;
}

function show(a) {
  const known = cards.get(a.approvalId);
  const merged = { ...(known ? known.approval : {}), ...Object.fromEntries(Object.entries(a).filter(([, v]) => v != null)) };
  const node = render(merged);
  if (known) known.node.replaceWith(node);
  else $('approvals').prepend(node);
  cards.set(a.approvalId, { node, approval: merged });
  if (merged.status !== 'PENDING') {
    setTimeout(() => { const c = cards.get(a.approvalId); if (c && c.node === node) { node.remove(); cards.delete(a.approvalId); empty(); } }, 15000);
  }
  empty();
}

function empty() {
  $('empty').hidden = cards.size > 0 || consents.count() > 0;
}

let token;
async function decide(approvalId, approve) {
  const card = cards.get(approvalId);
  card?.node.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  const r = await fetch(`/api/approvals/${encodeURIComponent(approvalId)}/${approve ? 'approve' : 'deny'}`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` },
  });
  if (r.ok) { show(await r.json()); say(''); return; }
  const body = await r.json().catch(() => ({}));
  if (r.status === 401) { signedOut(); return; }
  say(r.status === 409 ? `Already decided: ${body.message || ''}` : `Could not ${approve ? 'approve' : 'deny'}: ${body.message || `HTTP ${r.status}`}`);
  card?.node.querySelectorAll('button').forEach((b) => { b.disabled = false; });
}

function connState(state) {
  const c = $('conn');
  c.hidden = false;
  c.className = `conn ${state}`;
  c.dataset.state = state;
  c.textContent = { open: 'live', reconnecting: 'reconnecting…', closed: 'signed out' }[state];
}

function signedOut() {
  localStorage.removeItem(KEY);
  connState('closed');
  say('This phone is no longer paired (signed out, removed, or the pairing expired). Scan a new code in the overlay.');
  $('unpair').hidden = true;
}

let delay = 500;
function listen() {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/approvals?access_token=${encodeURIComponent(token)}`);
  socket = ws;
  ws.onopen = () => { delay = 500; connState('open'); };
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.type === 'pending') {
      const open = new Set(m.approvals.map((a) => a.approvalId));
      for (const [id, c] of cards) if (c.approval.status === 'PENDING' && !open.has(id)) { c.node.remove(); cards.delete(id); }
      m.approvals.forEach(show);
      empty();
    } else if (m.type === 'approval') {
      show(m);
    } else if (m.type === 'consent') {
      consents.consent(m);
    } else if (m.type === 'error') {
      say(`${m.code}: ${m.message}`);
    }
  };
  ws.onclose = (e) => {
    if (e.code === 1008) { signedOut(); return; }
    connState('reconnecting');
    setTimeout(listen, delay);
    delay = Math.min(delay * 2, 10000);
  };
}

setInterval(() => {
  for (const { node, approval } of cards.values()) {
    if (approval.status === 'PENDING') node.querySelector('.status').textContent = remaining(approval.expiresAt);
  }
}, 1000);

const paired = await pair();
if (paired?.token) {
  token = paired.token;
  $('who').hidden = false;
  $('who').textContent = `Paired with ${paired.name || paired.user}`;
  $('unpair').hidden = false;
  $('unpair').onclick = () => { localStorage.removeItem(KEY); location.reload(); };
  empty();
  listen();
} else if ($('message').hidden) {
  say('Open this page by scanning the pairing code in the overlay ("Approve on your phone").');
}
