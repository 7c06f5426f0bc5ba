// The microphone (Web Speech API recognition) and the optional spoken AUTO answers (speech synthesis).

const NOTICE_KEY = 'proxyme.speechNoticeAccepted';

export class Microphone {
  /**
   * @param {{button: HTMLButtonElement, note: HTMLElement, interim: HTMLElement,
   *          onFinal: (text: string) => void}} opts
   */
  constructor(opts) {
    Object.assign(this, opts);
    this.Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    this.listening = false;
    if (!this.Recognition) {
      this.button.disabled = true;
      this.button.title = 'Speech recognition is not available in this browser';
      this.say('This browser has no speech recognition: type what was said in the box below.');
      return;
    }
    this.button.addEventListener('click', () => (this.listening ? this.stop() : this.askThenStart()));
  }

  /** Says once (per browser) that the browser's speech service may send audio to its vendor. */
  askThenStart() {
    if (localStorage.getItem(NOTICE_KEY)) {
      this.start();
      return;
    }
    this.note.replaceChildren(
      'Your browser\'s speech recognition may send the audio to the browser vendor\'s service. Proxy Me itself sends only the text. ',
      button('Start listening', () => { localStorage.setItem(NOTICE_KEY, '1'); this.note.hidden = true; this.start(); }),
      button('Cancel', () => { this.note.hidden = true; this.button.focus(); }));
    this.note.hidden = false;
    this.note.querySelector('button').focus();
  }

  start() {
    const r = new this.Recognition();
    r.continuous = true;
    r.interimResults = true;
    r.lang = navigator.language || 'en-US';
    r.onresult = (e) => {
      let interim = '';
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const text = e.results[i][0].transcript.trim();
        if (e.results[i].isFinal) {
          if (text) this.onFinal(text);
        } else {
          interim += `${text} `;
        }
      }
      this.interim.textContent = interim.trim();
      this.interim.hidden = !interim.trim();
    };
    r.onerror = (e) => {
      if (e.error === 'not-allowed' || e.error === 'service-not-allowed') {
        this.say('The microphone is blocked for this page: allow it in the browser, or type what was said.');
        this.stop();
      } else if (e.error !== 'no-speech' && e.error !== 'aborted') {
        this.say(`Speech recognition stopped (${e.error}). Press Listen to try again, or type.`);
      }
    };
    // Recognition ends by itself after a silence: keep listening until the user stops it.
    r.onend = () => { if (this.listening && this.recognition === r) this.safeStart(r); };
    this.recognition = r;
    this.listening = true;
    this.safeStart(r);
    this.button.setAttribute('aria-pressed', 'true');
    this.button.textContent = 'Stop';
  }

  safeStart(r) {
    try { r.start(); } catch { /* already started */ }
  }

  stop() {
    this.listening = false;
    const r = this.recognition;
    this.recognition = null;
    if (r) r.stop();
    this.interim.hidden = true;
    this.button.setAttribute('aria-pressed', 'false');
    this.button.textContent = 'Listen';
  }

  say(text) {
    this.note.replaceChildren(text);
    this.note.hidden = false;
  }
}

export class Voice {
  constructor(checkbox) {
    this.checkbox = checkbox;
    this.available = 'speechSynthesis' in window;
    if (!this.available) {
      checkbox.disabled = true;
      checkbox.parentElement.title = 'Speech synthesis is not available in this browser';
    }
    checkbox.checked = this.available && localStorage.getItem('proxyme.speak') === '1';
    checkbox.addEventListener('change', () => {
      localStorage.setItem('proxyme.speak', checkbox.checked ? '1' : '0');
      if (!checkbox.checked) speechSynthesis.cancel();
    });
  }

  speak(text) {
    if (!this.available || !this.checkbox.checked || !text) return;
    speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }
}

function button(label, onclick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onclick);
  return b;
}
