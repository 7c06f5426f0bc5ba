// ACI consent cards (ACI.md, "Dynamic consent"): an agent asks for permissions mid-chain; the user answers
// Allow (the grant is kept), Allow once (this hop only) or Deny. Shared by the overlay and the phone page.
import { el } from './dom.js';

const ENDED = { ALLOWED: 'Allowed', ALLOWED_ONCE: 'Allowed once', DENIED: 'Denied', EXPIRED: 'Expired' };

export class Consents {
  /**
   * @param {HTMLElement} list where the cards go
   * @param {(message: object) => void} send sends a client message on the socket
   * @param {() => void} [onChange] called when a card comes or goes
   */
  constructor(list, send, onChange = () => {}) {
    this.list = list;
    this.send = send;
    this.onChange = onChange;
    this.cards = new Map();
  }

  count() {
    return [...this.cards.values()].filter((c) => c.consent.status === 'PENDING').length;
  }

  /** A {"type":"consent"} message: a new card, or the end of one. */
  consent(m) {
    const known = this.cards.get(m.consentId);
    if (known) {
      known.consent = m;
      this.settle(known);
      return;
    }
    if (m.status !== 'PENDING') return;
    const buttons = el('div', { class: 'consent-actions' },
      this.button('Allow', 'ALLOW', m, 'primary'),
      this.button('Allow once', 'ALLOW_ONCE', m, 'secondary'),
      this.button('Deny', 'DENY', m, 'danger'));
    const node = el('li', { class: 'card consent', id: `consent-${m.consentId}`, 'data-status': m.status },
      el('p', { class: 'consent-title' }, `${m.agent} asks for your permission`),
      el('ul', { class: 'consent-permissions' }, ...m.permissions.map((p) => el('li', { title: p.name }, p.description))),
      m.reason ? el('p', { class: 'consent-reason' }, `“${m.reason}”`) : null,
      el('p', { class: 'status' }, 'Waiting for your answer'),
      buttons);
    const card = { consent: m, node, buttons };
    this.cards.set(m.consentId, card);
    this.list.prepend(node);
    this.onChange();
  }

  button(label, decision, m, kind) {
    return el('button', {
      type: 'button',
      class: kind,
      'data-decision': decision,
      onclick: (e) => {
        e.target.closest('.consent-actions').querySelectorAll('button').forEach((b) => { b.disabled = true; });
        this.send({ type: 'consent_decide', consentId: m.consentId, decision });
      },
    }, label);
  }

  settle(card) {
    const { consent, node, buttons } = card;
    node.dataset.status = consent.status;
    if (consent.status === 'PENDING') return;
    buttons.remove();
    node.querySelector('.status').textContent = ENDED[consent.status] || consent.status;
    setTimeout(() => { node.remove(); this.cards.delete(consent.consentId); this.onChange(); }, 8000);
    this.onChange();
  }
}
