/**
 * The question box: Enter sends, Shift+Enter adds a line (never sending halfway through an IME
 * composition); it grows with its text; the send button is off while a question cannot go out
 * (not connected, or still waiting for an answer); its length limit is the server's.
 */

/** Tallest the box grows before it scrolls, in pixels. */
const MAX_HEIGHT_PX = 200;

export class Composer {
  /**
   * @param {import('./parts.js').Parts} parts
   * @param {import('./state.js').ChatState} state
   * @param {(question: string) => boolean} ask sends a question; false when it cannot go now
   * @param {AbortSignal} signal
   */
  constructor(parts, state, ask, signal) {
    this.parts = parts;
    this.state = state;
    const submit = () => {
      if (ask(parts.question.value)) {
        parts.question.value = '';
        this.autoGrow();
      }
    };
    parts.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    }, { signal });
    parts.question.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    }, { signal });
    parts.question.addEventListener('input', () => this.autoGrow(), { signal });
    for (const type of ['connection', 'limits', 'question', 'reply']) {
      state.addEventListener(type, () => this.update(), { signal });
    }
    this.update();
  }

  /** Puts a question in the box, ready to send once it can go. */
  prefill(question) {
    this.parts.question.value = question;
    this.autoGrow();
    this.parts.question.focus();
  }

  update() {
    this.parts.question.maxLength = this.state.limits.maxQuestionLength;
    this.parts.send.disabled = !this.state.canAsk;
    this.parts.composer.setAttribute('aria-busy', this.state.pending ? 'true' : 'false');
  }

  autoGrow() {
    // CSSOM style changes are allowed by the CSP (only style attributes in markup are not).
    const box = this.parts.question;
    box.style.height = 'auto';
    box.style.height = Math.min(box.scrollHeight, MAX_HEIGHT_PX) + 'px';
  }
}
