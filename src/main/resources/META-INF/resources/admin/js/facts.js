/** The Fact base view: files, snippet counts, the last load and its problems, the knowledge tests. */

import { el } from '../../js/dom.js';
import { getJson, postJson } from './api.js';
import { badge, decimal, row, time } from './format.js';

/** @param {Document} doc */
export async function showFacts(doc) {
  render(doc, await getJson('api/knowledge/status'));
}

/** @param {Document} doc */
export async function reloadFacts(doc) {
  render(doc, await postJson('api/knowledge/reload'));
}

function render(doc, status) {
  const summary = doc.getElementById('facts-summary');
  summary.replaceChildren(`${status.snippets} snippets in ${status.files.length} files, loaded `,
    time(status.loadedAt), '; last load tried ', time(status.lastAttempt), '.');
  const calibration = status.calibration;
  doc.getElementById('calibration').textContent = calibration && calibration.samples
    ? `Calibration, measured on ${calibration.samples} titles: unrelated snippets reach a cosine of `
      + `${decimal(calibration.negativeHigh)} (median ${decimal(calibration.negativeMedian)}); a title and its own `
      + `sentences ${decimal(calibration.positiveMedian)}.`
    : '';

  const error = status.lastError;
  doc.getElementById('load-error').hidden = !error;
  doc.getElementById('load-problems').replaceChildren(
    ...(error ? error.problems.map((problem) => el('li', 'problem', problem)) : []));

  const files = doc.querySelector('#files tbody');
  files.replaceChildren(...Object.entries(status.snippetsByFile ?? {}).map(([file, count]) => {
    const tr = row([el('code', null, file), String(count)]);
    tr.cells[1].classList.add('num');
    return tr;
  }));

  const tests = status.tests ?? { results: [], problems: [], passed: true };
  const failed = tests.results.filter((result) => !result.passed).length;
  const testsSummary = doc.getElementById('tests-summary');
  if (!tests.results.length && !tests.problems.length) {
    testsSummary.textContent = 'No knowledge tests: add *.tests.jsonl files beside the facts.';
  } else {
    testsSummary.replaceChildren(tests.passed
      ? `All ${tests.results.length} tests pass`
      : `${failed} of ${tests.results.length} tests fail, ${tests.problems.length} unreadable`, ' (ran ',
    time(tests.ranAt), ').');
  }
  testsSummary.dataset.passed = String(tests.passed);
  doc.getElementById('test-problems').replaceChildren(
    ...tests.problems.map((problem) => el('li', 'problem', problem)));
  // Failures first, each group in file and line order.
  const ordered = [...tests.results.filter((r) => !r.passed), ...tests.results.filter((r) => r.passed)];
  doc.querySelector('#tests tbody').replaceChildren(...ordered.map(testRow));
}

function testRow(result) {
  const got = el('div');
  got.append(badge(result.outcome));
  if (result.reason) got.append(el('p', 'reason', result.reason));
  const tr = row([badge(result.passed ? 'pass' : 'fail'), el('code', 'where', result.location), result.question,
    result.expected, got]);
  tr.classList.add(result.passed ? 'passed' : 'failed');
  return tr;
}
