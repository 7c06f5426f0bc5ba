// The flow ticker: every authorization step as it happens, grouped per chunk, with the running total.
import { el } from './dom.js';

const KEEP = 30;

export class Ticker {
  constructor(list) {
    this.list = list;
    this.groups = new Map();
  }

  /** Labels a chunk's group with what was said (known for chunks sent from this page). */
  said(seq, text) {
    const g = this.group(seq);
    g.label.textContent = `#${seq} “${short(text, 40)}”`;
  }

  flow(m) {
    const g = this.group(m.seq ?? 'other');
    const ms = Number(m.ms) || 0;
    g.total += ms;
    g.totalEl.textContent = `total ${fmt(g.total)} ms`;
    const detail = describe(m.detail);
    const step = el('li', { class: 'step new', 'data-step': m.step, title: m.detail ? JSON.stringify(m.detail) : m.step },
      m.step, detail ? el('span', { class: 'detail' }, ` ${detail}`) : '', el('span', { class: 'ms' }, ` ${fmt(ms)} ms`));
    g.steps.append(step);
    setTimeout(() => step.classList.remove('new'), 900);
  }

  group(seq) {
    let g = this.groups.get(seq);
    if (g) return g;
    const label = el('span', {}, seq === 'other' ? 'other' : `#${seq}`);
    const totalEl = el('span', { class: 'total' }, 'total 0 ms');
    const steps = el('ol', { class: 'steps' });
    const node = el('li', { class: 'chunk-flow', 'data-seq': String(seq) }, el('header', {}, label, totalEl), steps);
    g = { node, label, totalEl, steps, total: 0 };
    this.groups.set(seq, g);
    this.list.prepend(node);
    if (this.groups.size > KEEP) {
      const [oldest] = this.groups.keys();
      this.groups.get(oldest).node.remove();
      this.groups.delete(oldest);
    }
    return g;
  }
}

/** {"scope":"read:transcripts","cached":true} → "cached read:transcripts" */
function describe(detail) {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail).map(([k, v]) => {
    if (k === 'conditions' && v && typeof v === 'object') return conditions(v);
    if (v === true) return k;
    if (v === false || v == null || typeof v === 'object') return '';
    return k === 'scope' || k === 'topic' || k === 'effect' ? String(v) : `${k}=${short(String(v), 24)}`;
  }).filter(Boolean).join(' ');
}

/** {"pricing":{"expression":"deal_size < 50000","values":{"deal_size":30000},"holds":true}} → "pricing: deal_size < 50000 holds (deal_size=30000)" */
function conditions(byTopic) {
  return Object.entries(byTopic).map(([topic, c]) => {
    const used = Object.entries(c.values || {}).map(([k, v]) => `${k}=${v}`).join(', ');
    const missing = (c.missing || []).length ? `, missing ${c.missing.join(', ')}` : '';
    return `${topic}: ${c.expression} ${c.holds ? 'holds' : 'does not hold'}${used ? ` (${used})` : ''}${missing}`;
  }).join('; ');
}

function fmt(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

function short(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
