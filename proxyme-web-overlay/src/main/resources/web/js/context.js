// Meeting settings: the values the policy declares (deal size, customer region, ...), sent as one `context` message.
// An emptied field clears its value; the server checks each against its declared type and answers with the values.
import { el } from './dom.js';

export class MeetingContext {
  constructor(box, form, send) {
    this.box = box;
    this.form = form;
    this.send = send;
    this.declared = {};
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.send({ type: 'context', values: this.values() });
    });
  }

  /** Shows `{declared, values}` from a `state` or `context` message. */
  show(context) {
    if (!context) return;
    const declared = context.declared || {};
    const names = Object.keys(declared);
    this.box.hidden = names.length === 0;
    if (names.join() !== Object.keys(this.declared).join()) {
      this.declared = declared;
      this.form.replaceChildren(...names.map((name) => field(name, declared[name])),
        el('button', { type: 'submit', class: 'secondary' }, 'Save'));
    }
    const values = context.values || {};
    this.form.dataset.values = JSON.stringify(values); // what the server holds (tests wait for it)
    for (const name of names) {
      const input = this.form.querySelector(`[data-name="${name}"]`);
      const v = values[name];
      if (declared[name] === 'bool') input.checked = v === true;
      else input.value = v == null ? '' : String(v);
    }
  }

  values() {
    const out = {};
    for (const [name, type] of Object.entries(this.declared)) {
      const input = this.form.querySelector(`[data-name="${name}"]`);
      if (type === 'bool') {
        out[name] = input.checked;
      } else if (input.value.trim() === '') {
        out[name] = null;
      } else if (type === 'int' || type === 'double') {
        out[name] = Number(input.value); // the server refuses a fraction for an int, by name
      } else {
        out[name] = input.value;
      }
    }
    return out;
  }
}

function field(name, type) {
  const label = name.replace(/_/g, ' ');
  if (type === 'bool') {
    return el('label', { class: 'switch' }, el('input', { type: 'checkbox', role: 'switch', 'data-name': name }), label);
  }
  const numeric = type === 'int' || type === 'double';
  return el('label', { class: 'context-field' }, label,
    el('input', {
      type: numeric ? 'number' : 'text', step: type === 'int' ? '1' : numeric ? 'any' : null,
      inputmode: numeric ? 'decimal' : null, 'data-name': name, name,
    }));
}
