// Suggestion cards: one entry per chunk seq, merged from decision / suggestion / approval / state messages.
import { el, layerName } from './dom.js';

const STATUS_KIND = {
  AUTO: 'auto', PENDING_APPROVAL: 'pending', APPROVED: 'approved', DENIED: 'denied', EXPIRED: 'expired', FAILED: 'failed',
};
const BADGE = {
  auto: 'Auto', pending: 'Awaiting approval', approved: 'Approved', denied: 'Denied', expired: 'Expired',
  failed: 'Approval failed', refused: 'Refused', deciding: 'Deciding…', none: 'Not a question',
};
const FINAL = new Set(['APPROVED', 'DENIED', 'EXPIRED', 'FAILED']);
const KEEP = 200;

export class Cards {
  /**
   * @param {HTMLOListElement} list
   * @param {{meetingId: string, onDecide: (approvalId: string, approve: boolean) => void,
   *          onDraft: (seq: number) => void, onCopy: (text: string) => void, onAuto: (text: string) => void,
   *          onChange: () => void}} opts
   */
  constructor(list, opts) {
    this.list = list;
    Object.assign(this, opts);
    this.key = `proxyme.cards.${opts.meetingId}`;
    this.entries = new Map();
    this.nodes = new Map();
    for (const e of load(this.key)) this.entries.set(e.seq, e);
    [...this.entries.keys()].forEach((seq) => this.render(seq));
    this.timer = setInterval(() => this.tick(), 1000);
  }

  maxSeq() {
    return Math.max(0, ...this.entries.keys());
  }

  entry(seq) {
    let e = this.entries.get(seq);
    if (!e) {
      e = { seq };
      this.entries.set(seq, e);
    }
    return e;
  }

  said(seq, speaker, text) {
    Object.assign(this.entry(seq), { speaker, said: text });
    this.changed(seq);
  }

  /** The latest decision for a seq stands; one lowered by the output check says so. */
  decision(m) {
    const e = this.entry(m.seq);
    if (m.layer === 'output_check' && e.decision) e.lowered = true;
    e.decision = pick(m, 'outcome', 'layer', 'reason', 'topic', 'question', 'suggestionFollows', 'unsure');
    this.changed(m.seq);
  }

  /** A chunk the server was too busy to take went again under a new seq: its card follows it. */
  moved(from, to) {
    const e = this.entries.get(from);
    if (!e) return;
    this.entries.delete(from);
    this.nodes.get(from)?.remove();
    this.nodes.delete(from);
    this.entries.set(to, { ...e, seq: to });
    this.changed(to);
  }

  /** A chunk whose promised answer could not be drafted: its card stops waiting and says why. */
  failed(m) {
    const e = this.entry(m.seq);
    e.failed = m.message || 'the answer could not be drafted';
    this.changed(m.seq);
  }

  /** Merges by suggestionId (or seq); a decided status never goes back to pending. */
  suggestion(m, live = true) {
    const known = this.bySuggestion(m.suggestionId);
    const e = known || this.entry(m.seq);
    const before = e.suggestion;
    if (before && FINAL.has(before.status) && !FINAL.has(m.status)) return;
    e.suggestion = { ...before, ...pick(m, 'suggestionId', 'status', 'topic', 'text', 'approvalId', 'expiresAt') };
    if (live && m.status === 'AUTO' && before?.status !== 'AUTO') this.onAuto(m.text);
    this.changed(e.seq);
  }

  approval(m) {
    if (m.meetingId && m.meetingId !== this.meetingId) return;
    const e = this.bySuggestion(m.suggestionId) ||
      [...this.entries.values()].find((x) => x.suggestion?.approvalId === m.approvalId);
    if (!e) {
      if (m.seq != null && m.status === 'PENDING') {
        this.suggestion({ ...m, status: 'PENDING_APPROVAL' }, false);
      }
      return;
    }
    const status = m.status === 'PENDING' ? 'PENDING_APPROVAL' : m.status;
    if (FINAL.has(e.suggestion.status) && !FINAL.has(status)) return;
    Object.assign(e.suggestion, { status, expiresAt: m.expiresAt || e.suggestion.expiresAt });
    if (m.decidedBy) e.suggestion.decidedBy = m.decidedBy;
    // where the approval is asked (push: the phone too; overlay: here only) and why
    if (m.note) Object.assign(e.suggestion, { channel: m.channel, note: m.note });
    this.changed(e.seq);
  }

  /** A (re)connect: the server's view of this user's suggestions in the meeting. */
  state(m) {
    (m.suggestions || []).forEach((s) => this.suggestion(s, false));
  }

  bySuggestion(id) {
    if (!id) return undefined;
    return [...this.entries.values()].find((x) => x.suggestion?.suggestionId === id);
  }

  changed(seq) {
    this.render(seq);
    this.save();
    this.onChange();
  }

  save() {
    const kept = [...this.entries.values()].sort((a, b) => b.seq - a.seq).slice(0, KEEP);
    sessionStorage.setItem(this.key, JSON.stringify(kept));
  }

  render(seq) {
    const e = this.entries.get(seq);
    const old = this.nodes.get(seq);
    const focused = old && old.contains(document.activeElement);
    const node = card(e, this);
    this.nodes.set(seq, node);
    if (old) old.replaceWith(node);
    else {
      const after = [...this.nodes.entries()].filter(([s]) => s < seq && this.list.contains(this.nodes.get(s)))
        .sort((a, b) => b[0] - a[0])[0];
      if (after) this.list.insertBefore(node, after[1]);
      else this.list.append(node);
    }
    if (focused) node.focus();
  }

  tick() {
    this.list.querySelectorAll('[data-expires]').forEach((c) => { c.textContent = countdown(c.dataset.expires); });
  }

  count() {
    return this.entries.size;
  }
}

function kindOf(e) {
  const d = e.decision;
  if (d?.outcome === 'NONE') return 'none';
  if (d?.outcome === 'DENY') return 'refused';
  if (e.suggestion) return STATUS_KIND[e.suggestion.status] || 'deciding';
  return 'deciding';
}

function card(e, cards) {
  const kind = kindOf(e);
  const s = e.suggestion;
  const d = e.decision;
  const li = el('li', { class: `card ${kind}`, tabindex: '-1', 'data-seq': String(e.seq), 'data-kind': kind });
  if (kind === 'none') {
    li.title = `Decided by ${layerName(d.layer)}${d.reason ? ` — ${d.reason}` : ''}`;
    li.append(el('span', {}, 'Not a question'),
      e.said ? el('span', {}, ` · ${e.speaker || ''}: “${e.said}”`) : '');
    return li;
  }
  const topic = s?.topic || d?.topic;
  const head = el('header', {}, el('span', { class: 'badge' }, BADGE[kind]),
    topic ? el('span', { class: 'topic' }, topic) : '');
  if (kind === 'pending' && s.expiresAt) {
    head.append(el('span', { class: 'countdown', 'data-expires': s.expiresAt, title: 'Time left to approve' },
      countdown(s.expiresAt)));
  }
  li.append(head);
  if (e.said) li.append(el('p', { class: 'said' }, `${e.speaker || 'Someone'}: “${e.said}”`));
  if (kind === 'deciding' && e.failed) {
    li.append(el('p', { class: 'answer failed' }, `No answer: ${e.failed}`));
  } else if (kind === 'deciding' && d && !d.suggestionFollows) {
    li.append(el('p', { class: 'answer muted' }, d.unsure
      ? 'Proxy Me is unsure what this is about, so it prepared nothing and asked no one. Answer it yourself, or ask for a draft: it will wait for your approval.'
      : 'No answer was prepared.'));
  } else if (kind === 'deciding') {
    li.append(el('p', { class: 'answer muted' }, d ? 'Preparing an answer…' : 'Deciding…'));
  } else if (kind !== 'refused' && s?.text) {
    li.append(el('p', { class: 'answer' }, s.text));
  }
  if (e.lowered) li.append(el('p', { class: 'lowered' }, '⚠ Lowered by the output check: the answer strayed into a more restricted topic.'));
  li.append(d
    ? el('p', { class: 'why' }, 'Decided by ', el('b', {}, layerName(d.layer)), d.reason ? ` — ${d.reason}` : '')
    : el('p', { class: 'why' }, 'Decided before this page opened.'));
  if (s?.decidedBy && (kind === 'approved' || kind === 'denied')) {
    li.append(el('p', { class: 'why' }, `${kind === 'approved' ? 'Approved' : 'Denied'} by ${s.decidedBy}`));
  }
  if (s?.note && (kind === 'pending' || kind === 'failed')) {
    li.append(el('p', { class: `note ${s.channel || ''}` }, s.note));
  }
  const actions = el('div', { class: 'actions' });
  if (kind === 'auto' || kind === 'approved') {
    actions.append(el('button', { type: 'button', class: 'copy', onclick: () => cards.onCopy(s.text) }, 'Copy'));
  }
  if (kind === 'pending') {
    const decide = (approve) => (ev) => {
      actions.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      cards.onDecide(s.approvalId, approve);
      ev.currentTarget.textContent = approve ? 'Approving…' : 'Denying…';
    };
    actions.append(
      el('button', { type: 'button', class: 'approve', onclick: decide(true), 'aria-label': `Approve the ${topic} answer` }, 'Approve'),
      el('button', { type: 'button', class: 'deny', onclick: decide(false), 'aria-label': `Deny the ${topic} answer` }, 'Deny'));
  }
  if (kind === 'deciding' && d?.unsure && !e.failed) {
    actions.append(el('button', {
      type: 'button',
      class: 'draft',
      onclick: (ev) => { ev.currentTarget.disabled = true; ev.currentTarget.textContent = 'Drafting…'; cards.onDraft(e.seq); },
    }, 'Draft an answer'));
  }
  if (actions.childElementCount) li.append(actions);
  return li;
}

function countdown(expiresAt) {
  const left = Math.round((Date.parse(expiresAt) - Date.now()) / 1000);
  if (!(left > 0)) return 'expiring…';
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}

function pick(m, ...keys) {
  const out = {};
  keys.forEach((k) => { if (m[k] !== undefined) out[k] = m[k]; });
  return out;
}

function load(key) {
  try { return JSON.parse(sessionStorage.getItem(key)) || []; } catch { return []; }
}
