/**
 * Building the page's nodes safely. Everything from the server or the person goes in with
 * textContent or as attribute values of nodes built here, never parsed as HTML; the
 * Content-Security-Policy forbids inline script, so all behaviour is wired up in these modules.
 */

const SVG = 'http://www.w3.org/2000/svg';

const ICONS = {
  copy: 'M9 9h10v11H9zM5 15V4h10',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  up: 'M7 11v9H4v-9zM7 11l4-7a2 2 0 0 1 3 2l-1 4h6a2 2 0 0 1 2 2.3l-1.3 6.5A2 2 0 0 1 17.7 20H7',
  down: 'M7 13V4H4v9zM7 13l4 7a2 2 0 0 0 3-2l-1-4h6a2 2 0 0 0 2-2.3l-1.3-6.5A2 2 0 0 0 17.7 4H7',
  info: 'M12 8h.01M11 12h1v5h1M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z',
  warn: 'M12 4 2.5 20h19zM12 10v4.5M12 17.5h.01',
  chat: 'M4 5h16v11H10l-5 4v-4H4z',
  close: 'M6 6l12 12M18 6 6 18',
};

/**
 * An element; text always goes in as textContent.
 * @param {string} tag
 * @param {string|null} [className]
 * @param {unknown} [text]
 * @returns {HTMLElement}
 */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** A button that does not submit a form. */
export function button(className, text) {
  const node = el('button', className, text);
  node.type = 'button';
  return node;
}

/** @param {keyof ICONS} name */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** Text for screen readers only. */
export function visuallyHidden(text) {
  return el('span', 'visually-hidden', text);
}

/**
 * Only http(s) links: a javascript: URL in a fact file must never become a clickable link.
 * @param {unknown} url
 * @returns {string|null}
 */
export function safeUrl(url) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}
