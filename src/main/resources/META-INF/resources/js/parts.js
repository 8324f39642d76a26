/**
 * The markup the chat needs, found once inside the root it is mounted into (index.html has it;
 * an embedded copy puts the same elements in its shadow root). Ids are looked up in the root,
 * never in the global document, so several copies can live on one page in their own shadow roots.
 */

const IDS = {
  layout: 'layout',
  status: 'status',
  statusText: 'status-text',
  chat: 'chat',
  welcome: 'welcome',
  suggestions: 'suggestions',
  suggestionsTitle: 'suggestions-title',
  messages: 'messages',
  composer: 'composer',
  question: 'question',
  send: 'send',
  sources: 'sources',
  sourcesTitle: 'sources-title',
  sourcesClose: 'sources-close',
  sourceNumber: 'source-number',
  sourceTitle: 'source-title',
  sourceOrigin: 'source-origin',
  sourceDate: 'source-date',
  sourceSnippet: 'source-snippet',
  sourceLink: 'source-link',
};

/** @typedef {{[K in keyof IDS]: HTMLElement}} Parts */

/**
 * @param {Document|ShadowRoot|Element} root
 * @returns {Parts}
 * @throws {Error} naming every id the root lacks
 */
export function findParts(root) {
  const parts = {};
  const missing = [];
  for (const [name, id] of Object.entries(IDS)) {
    parts[name] = root.querySelector('#' + id);
    if (!parts[name]) missing.push('#' + id);
  }
  if (missing.length > 0) throw new Error('The chat markup lacks ' + missing.join(', '));
  return /** @type {Parts} */ (parts);
}
