/**
 * The Explain view: how the bot read a question, what retrieval found, how grounding weighed each
 * candidate, which sentences were chosen, and the answer a person would get.
 */

import { el } from '../../js/dom.js';
import { postJson } from './api.js';
import { badge, decimal, row } from './format.js';

/**
 * @param {Document} doc
 * @param {string} question
 */
export async function explain(doc, question) {
  const error = doc.getElementById('explain-error');
  const out = doc.getElementById('explanation');
  error.hidden = true;
  try {
    render(out, await postJson('api/admin/explain', { question }));
    out.hidden = false;
  } catch (e) {
    out.hidden = true;
    error.textContent = e.message;
    error.hidden = false;
  }
}

function render(out, explanation) {
  const answer = explanation.answer;
  const outcome = el('section', 'outcome card');
  outcome.dataset.outcome = answer.outcome;
  const head = el('div', 'outcome-head');
  head.append(el('h3', null, 'Answer'), badge(answer.outcome));
  outcome.append(head, el('p', 'final-answer', answer.answer));
  if (answer.citations.length) {
    const cited = el('ol', 'citations');
    answer.citations.forEach((citation) => cited.append(el('li', null, citation.title + ' — ' + citation.id)));
    outcome.append(cited);
  }

  const reading = el('section', 'reading card');
  reading.append(el('h3', null, 'How it was read'));
  const facts = el('dl', 'facts-list');
  const r = explanation.reading;
  const entries = [
    ['Read as', r.kind.replace('_', ' ')],
    ['Searched', r.searched ?? '–'],
    ['Carried from earlier turns', r.carried.length ? r.carried.join(', ') : '–'],
    ['Asks for', r.expectation ?? '–'],
    ['Terms', r.terms.length ? r.terms.join(', ') : '–'],
    ['Names the facts never use', r.unknownNames.length ? r.unknownNames.join(', ') : '–'],
  ];
  for (const [term, value] of entries) facts.append(el('dt', null, term), el('dd', null, value));
  reading.append(facts);

  const candidates = el('section', 'candidates card');
  const t = explanation.thresholds;
  candidates.append(el('h3', null, 'Candidates'),
    el('p', 'muted', `Weighed against answer.min-similarity ${t.minSimilarity}, answer.strong-similarity `
      + `${t.strongSimilarity}, answer.min-coverage ${t.minCoverage}, answer.unknown-name-similarity `
      + `${t.unknownNameSimilarity}, and answer.clear-lead-similarity ${t.clearLeadSimilarity} for a snippet `
      + `that leads the next by answer.clear-lead-margin ${t.clearLeadMargin}. "Closest" is the nearest of the `
      + 'snippet, its title and its sentences.'));
  if (explanation.candidates.length) {
    const table = el('table', 'table candidates-table');
    const header = el('tr');
    for (const name of ['#', 'Snippet', 'Dense', 'BM25', 'Cosine', 'Closest', 'Coverage', 'Score', 'Decision']) {
      const th = el('th', null, name);
      th.scope = 'col';
      header.append(th);
    }
    table.append(el('thead'), el('tbody'));
    table.tHead.append(header);
    for (const c of explanation.candidates) table.tBodies[0].append(candidate(c, t));
    candidates.append(table);
  } else {
    candidates.append(el('p', 'empty', 'Nothing was retrieved.'));
  }

  const chosen = el('section', 'chosen card');
  chosen.append(el('h3', null, 'Chosen sentences'));
  if (explanation.chosen.length) {
    const list = el('ol', 'chosen-list');
    explanation.chosen.forEach((sentence) => list.append(el('li', null, sentence)));
    chosen.append(list);
  } else {
    chosen.append(el('p', 'empty', 'None: no snippet supports an answer.'));
  }
  out.replaceChildren(outcome, reading, candidates, chosen);
}

function candidate(c, thresholds) {
  const snippet = el('div');
  snippet.append(el('span', null, c.title), el('code', 'id', c.id));
  const decision = c.cited ? badge('cited') : c.supporting ? badge('supports')
    : c.coverage !== null ? badge('weighed', 'weighed') : badge('not_weighed', 'not weighed');
  const tr = row([String(c.rank + 1), snippet, rank(c.denseRank),
    c.lexicalRank === null ? '–' : `${c.lexicalRank + 1} (${c.bm25.toFixed(2)})`,
    decimal(c.cosine), decimal(c.closest), decimal(c.coverage), decimal(c.score), decision]);
  tr.dataset.snippet = c.id;
  if (c.closest === null && c.cosine < thresholds.minSimilarity) tr.cells[4].classList.add('below');
  if (c.coverage !== null && c.coverage < thresholds.minCoverage) tr.cells[6].classList.add('below');
  if (c.supporting) tr.classList.add('supporting');
  return tr;
}

function rank(value) {
  return value === null ? '–' : String(value + 1);
}
