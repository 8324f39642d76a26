/**
 * The chat on another site: a launcher button in a bottom corner that opens a panel holding the
 * bot's own chat (the chat markup of index.html, app.css, mountChat) inside a shadow root. The
 * site's CSS stops at the shadow root, the chat's CSS stays inside it, the ids inside cannot
 * clash with the site's, and no global is added. The chat connects when the panel first opens.
 *
 * widget.js, the classic script a site includes, calls embed() with its tag's data- attributes.
 * The bot must list the site in widget.allowed-origins (docs/widget.md).
 */

import { mountChat } from './chat.js';
import { button, el, icon } from './dom.js';
import { findParts } from './parts.js';

/** The site's element the widget lives in: a name no site's CSS targets by accident. */
const HOST_TAG = 'grounded-bot-chat';
const STYLESHEETS = ['app.css', 'widget.css'];
/** The bot's page; the widget takes its chat markup, so the two never drift apart. */
const PAGE = 'index.html';
/** Ids in index.html the widget uses, besides the chat's own (parts.js). */
const IDS = { layout: 'layout', topbar: 'topbar', title: 'title', welcomeText: 'welcome-text' };
const PANEL_ID = 'panel';
const POSITIONS = new Set(['left', 'right']);
const DEFAULT_POSITION = 'right';
const OPEN_LABEL = 'Open the chat';
const CLOSE_LABEL = 'Close the chat';

/**
 * The script tag's data- attributes (all optional).
 * @typedef {object} Theme
 * @property {string} [color]    a CSS colour for the launcher, the person's messages and the buttons; white text goes on it
 * @property {string} [title]    the panel's title, instead of the bot page's
 * @property {string} [position] "right" (the default) or "left": the bottom corner for the launcher and the panel
 * @property {string} [welcome]  the text under the welcome heading, instead of the bot page's
 */

/**
 * Adds the launcher to the page (the panel opens from it).
 * @param {Theme} theme
 * @param {URL} baseUrl the bot, ending in '/': where widget.js came from
 * @returns {Promise<EmbeddedChat>} rejects, leaving nothing on the page, when the bot cannot be reached
 */
export async function embed(theme, baseUrl) {
  await documentReady();
  const host = document.createElement(HOST_TAG);
  // Open, not closed: a closed root keeps out only scripts that do not try (the site's scripts
  // run first and could wrap attachShadow), and would keep out test and accessibility tools too.
  const shadow = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  let layout;
  try {
    [layout] = await Promise.all([
      chatMarkup(baseUrl),
      ...STYLESHEETS.map((name) => stylesheet(shadow, new URL(name, baseUrl))),
    ]);
  } catch (error) {
    host.remove();
    throw error;
  }

  return new EmbeddedChat(shadow, layout, theme, baseUrl);
}

/** The launcher and the panel in the shadow root, and opening and closing them. */
class EmbeddedChat {
  /**
   * @param {ShadowRoot} shadow
   * @param {Node} layout the chat's markup (chatMarkup)
   * @param {Theme} theme
   * @param {URL} baseUrl
   */
  constructor(shadow, layout, theme, baseUrl) {
    this.shadow = shadow;
    this.baseUrl = baseUrl;
    /** The mounted chat, from the first open on. @type {import('./chat.js').MountedChat|null} */
    this.chat = null;

    this.widget = el('div', 'widget');
    this.widget.dataset.position = POSITIONS.has(theme.position) ? theme.position : DEFAULT_POSITION;
    applyColor(this.widget, theme.color);
    this.panel = el('section', 'panel');
    this.panel.id = PANEL_ID;
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-labelledby', IDS.title);
    this.panel.append(layout);
    this.launcher = button('launcher');
    this.launcher.setAttribute('aria-controls', PANEL_ID);
    this.widget.append(this.panel, this.launcher);
    shadow.append(this.widget);
    this.parts = findParts(shadow);

    this.title = ownTitle(shadow, theme.title);
    if (theme.welcome) shadow.getElementById(IDS.welcomeText).textContent = theme.welcome;
    const close = button('icon-button close');
    close.append(icon('close'));
    close.setAttribute('aria-label', CLOSE_LABEL);
    shadow.getElementById(IDS.topbar).append(close);

    this.show(false);
    this.launcher.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()));
    close.addEventListener('click', () => this.close());
    // Escape closes an open source first (js/sources.js), then the panel.
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.parts.sources.hidden) this.close();
    });
  }

  /** Opens the panel (connecting the chat the first time) with the cursor in the question box. */
  open() {
    this.show(true);
    this.chat ??= mountChat(this.shadow, { baseUrl: this.baseUrl });
    this.parts.question.focus();
  }

  /** Closes the panel (the conversation stays) and gives focus back to the launcher. */
  close() {
    this.show(false);
    this.launcher.focus();
  }

  show(open) {
    this.panel.hidden = !open;
    this.widget.classList.toggle('open', open);
    const label = (open ? CLOSE_LABEL : OPEN_LABEL) + ': ' + this.title;
    this.launcher.replaceChildren(icon(open ? 'close' : 'chat'));
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', label);
    this.launcher.title = label;
  }
}

function documentReady() {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}

/**
 * The chat's markup from the bot's page, its relative URLs made absolute.
 * @param {URL} baseUrl
 * @returns {Promise<Node>}
 */
async function chatMarkup(baseUrl) {
  const pageUrl = new URL(PAGE, baseUrl);
  const response = await fetch(pageUrl, { headers: { Accept: 'text/html' } });
  if (!response.ok) throw new Error(PAGE + ': ' + response.status);
  // The bot's own page, from the server these modules came from, never data: parsed into an
  // inert document (nothing in it runs or loads), of which only the chat's layout is taken.
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const layout = page.getElementById(IDS.layout);
  if (!layout) throw new Error(PAGE + ' has no #' + IDS.layout);
  for (const node of layout.querySelectorAll('[src]')) {
    node.setAttribute('src', new URL(node.getAttribute('src'), pageUrl).href);
  }
  return document.importNode(layout, true);
}

/** Adds a stylesheet to the shadow root; resolves once it applies, so nothing shows unstyled. */
function stylesheet(shadow, href) {
  const link = el('link');
  link.rel = 'stylesheet';
  link.href = href.href;
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => reject(new Error(href + ' did not load')), { once: true });
  });
  shadow.append(link);
  return loaded;
}

/** The site's accent colour, when it is one; widget.css derives the softer tints from it. */
function applyColor(widget, color) {
  if (!color) return;
  if (!CSS.supports('color', color)) {
    console.warn('Chat widget: data-color "' + color + '" is not a CSS colour; keeping the default');
    return;
  }
  widget.style.setProperty('--accent', color);
  widget.classList.add('custom-accent');
}

/**
 * The panel's title: the site's, or the page's. On the site's page it is a section heading, not
 * the page's h1.
 * @returns {string} the title's text
 */
function ownTitle(shadow, text) {
  const pageTitle = shadow.getElementById(IDS.title);
  const heading = el('h2', pageTitle.className, text || pageTitle.textContent);
  heading.id = pageTitle.id;
  pageTitle.replaceWith(heading);
  return heading.textContent;
}
