// Per-meeting topic switches: show the server's state, send `toggle` on change.
import { el } from './dom.js';

export class Toggles {
  constructor(list, send) {
    this.list = list;
    this.send = send;
  }

  show(toggles) {
    if (!toggles) return;
    const inputs = [...this.list.querySelectorAll('input[data-topic]')];
    if (inputs.length && inputs.every((i) => i.dataset.topic in toggles)) {
      inputs.forEach((i) => { i.checked = toggles[i.dataset.topic]; }); // in place: keyboard focus stays
      return;
    }
    this.list.replaceChildren(...Object.entries(toggles).map(([topic, on]) => el('li', {},
      el('label', { class: 'switch' },
        el('input', {
          type: 'checkbox', role: 'switch', checked: on, 'data-topic': topic,
          onchange: (e) => this.send({ type: 'toggle', topic, enabled: e.currentTarget.checked }),
        }), topic))));
  }
}
