/** Small formatting helpers shared by the console's views. */

import { el } from '../../js/dom.js';

/**
 * A <time> showing an instant in the reader's locale.
 * @param {string|null|undefined} iso
 */
export function time(iso) {
  if (!iso) return el('span', 'muted', '–');
  const node = el('time', null, new Date(iso).toLocaleString());
  node.dateTime = iso;
  return node;
}

/**
 * A number with three decimals, or a dash.
 * @param {number|null|undefined} value
 */
export function decimal(value) {
  return typeof value === 'number' ? value.toFixed(3) : '–';
}

/**
 * "30 days", "12 hours" or "45 minutes".
 * @param {number} seconds
 */
export function duration(seconds) {
  const units = [[86400, 'day'], [3600, 'hour'], [60, 'minute']];
  for (const [size, name] of units) {
    if (seconds >= size) {
      const count = Math.round(seconds / size);
      return count + ' ' + name + (count === 1 ? '' : 's');
    }
  }
  return seconds + ' seconds';
}

/**
 * A table row of cells; strings become text, nodes are put in as they are.
 * @param {Array<string|number|Node>} cells
 */
export function row(cells) {
  const tr = el('tr');
  for (const cell of cells) {
    const td = el('td');
    if (cell instanceof Node) td.append(cell);
    else td.textContent = String(cell);
    tr.append(td);
  }
  return tr;
}

/**
 * A short label styled by its kind ("answered", "refused", "pass", "fail", ...).
 * @param {string} kind
 * @param {string} [text]
 */
export function badge(kind, text) {
  return el('span', 'badge badge-' + kind.replace(/[^a-z_]/g, ''), text ?? kind.replace('_', ' '));
}
