/**
 * The sources panel: a citation's title, source, date, snippet and link. Beside the conversation
 * when the chat is wide; when it is narrow (a phone, the widget's panel) a sheet over the dimmed
 * conversation, where a tap outside closes it. app.css decides which by the chat's width. Opening it
 * moves focus into it; closing it (the close button, Escape) gives focus back to what opened it.
 */

import { el, safeUrl } from './dom.js';

const OPEN_CLASS = 'sources-open';
/** What opens the panel; a click on one of these is not a click "outside". */
const TRIGGERS = '.cite, .source-chip';

export class SourcesPanel {
  /**
   * @param {import('./parts.js').Parts} parts
   * @param {Document|ShadowRoot|Element} root clicks and keys anywhere in it can close the panel
   * @param {AbortSignal} signal removes the listeners
   * @param {() => void} onLayoutChange the chat column changed width
   */
  constructor(parts, root, signal, onLayoutChange) {
    this.parts = parts;
    this.onLayoutChange = onLayoutChange;
    /** The marker or chip that opened the panel, to give focus back when it closes. */
    this.trigger = null;
    parts.sourcesClose.addEventListener('click', () => this.close(), { signal });
    root.addEventListener('click', (event) => {
      if (parts.sources.hidden || !isSheet(parts.sources)) return;
      if (parts.sources.contains(event.target) || event.target.closest(TRIGGERS)) return;
      this.close();
    }, { signal });
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    }, { signal });
  }

  /**
   * A button that opens citation n.
   * @param {HTMLButtonElement} button
   * @param {import('./frames.js').Citation} citation
   * @param {number} n 1-based
   */
  bind(button, citation, n) {
    button.setAttribute('aria-controls', this.parts.sources.id);
    button.addEventListener('click', () => this.open(citation, n, button));
  }

  /**
   * @param {import('./frames.js').Citation} citation
   * @param {number} n 1-based
   * @param {HTMLElement} trigger
   */
  open(citation, n, trigger) {
    const p = this.parts;
    if (this.trigger && this.trigger !== trigger) this.trigger.setAttribute('aria-expanded', 'false');
    this.trigger = trigger;
    trigger.setAttribute('aria-expanded', 'true');

    p.sources.dataset.factId = citation.id;
    p.sourceNumber.textContent = 'Source ' + n;
    p.sourceTitle.textContent = citation.title || 'Untitled';
    p.sourceOrigin.textContent = citation.source || 'Unknown';
    const date = formatDate(citation.published);
    p.sourceDate.replaceChildren();
    if (date) {
      const time = el('time', null, date);
      time.dateTime = citation.published;
      p.sourceDate.append(time);
    } else {
      p.sourceDate.textContent = 'Unknown';
    }
    p.sourceSnippet.textContent = citation.snippet;
    const url = safeUrl(citation.url);
    if (url) {
      p.sourceLink.href = url;
      p.sourceLink.hidden = false;
    } else {
      p.sourceLink.removeAttribute('href');
      p.sourceLink.hidden = true;
    }
    p.sources.hidden = false;
    p.layout.classList.add(OPEN_CLASS);
    this.onLayoutChange();
    trigger.scrollIntoView({ block: 'nearest' });
    p.sourcesTitle.focus({ preventScroll: true });
  }

  close() {
    const p = this.parts;
    if (p.sources.hidden) return;
    p.sources.hidden = true;
    p.layout.classList.remove(OPEN_CLASS);
    const trigger = this.trigger;
    this.trigger = null;
    if (trigger) {
      trigger.setAttribute('aria-expanded', 'false');
      if (trigger.isConnected) trigger.focus();
    }
  }
}

/** A sheet lies over the conversation; a column beside it stays in the flow (app.css). */
function isSheet(panel) {
  return getComputedStyle(panel).position !== 'static';
}

/** "2024-05-10" in the reader's locale, e.g. "May 10, 2024"; null for anything else. */
function formatDate(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
