/**
 * The welcome's suggested questions, drawn from the fact base: clicking one asks it (or, before
 * the connection is up, puts it in the box). The chat works without them: when they cannot be
 * loaded, none are offered.
 */

import { fetchSuggestions } from './api.js';
import { button, el } from './dom.js';

const SUGGESTIONS = 4;

/**
 * @param {import('./parts.js').Parts} parts
 * @param {string|URL} baseUrl
 * @param {(question: string) => void} pick
 */
export async function showSuggestions(parts, baseUrl, pick) {
  let questions = [];
  try {
    questions = await fetchSuggestions(baseUrl, SUGGESTIONS);
  } catch (e) {
    // none then
  }
  parts.suggestions.replaceChildren(...questions.map((question) => {
    const suggestion = button('suggestion', question);
    suggestion.addEventListener('click', () => pick(question));
    const item = el('li');
    item.append(suggestion);
    return item;
  }));
  parts.suggestions.hidden = questions.length === 0;
  parts.suggestionsTitle.hidden = parts.suggestions.hidden;
}
