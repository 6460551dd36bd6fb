// One floating tooltip per page: lines of plain text (commit, author, date, subject) next to the pointer.
import { el, gitDate, shortCommit } from './common.js';

let tip = null;

function node() {
  if (!tip) {
    tip = el('div', 'tooltip');
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    document.body.append(tip);
  }
  return tip;
}

/** Shows lines of [label, text] near a page position (pageX/pageY of a pointer event, or an element). */
export function showTooltip(lines, at) {
  const box = node();
  box.replaceChildren(...lines.map(([label, text]) => {
    const row = el('div', 'tooltip-row');
    if (label) row.append(el('span', 'tooltip-label', label));
    row.append(el('span', label === 'subject' ? 'tooltip-subject' : 'tooltip-value', text));
    return row;
  }));
  box.hidden = false;
  let x;
  let y;
  if (at instanceof Element) {
    const r = at.getBoundingClientRect();
    x = r.right + window.scrollX;
    y = r.bottom + window.scrollY;
  } else {
    x = at.pageX;
    y = at.pageY;
  }
  const width = box.offsetWidth;
  const height = box.offsetHeight;
  const maxX = window.scrollX + document.documentElement.clientWidth - width - 8;
  const maxY = window.scrollY + window.innerHeight - height - 8;
  let left = Math.min(x + 14, maxX);
  let top = y + 14;
  if (top > maxY) top = Math.max(window.scrollY + 4, y - height - 10);
  left = Math.max(window.scrollX + 4, left);
  box.style.left = `${left}px`;
  box.style.top = `${top}px`;
}

export function hideTooltip() {
  if (tip) tip.hidden = true;
}

/** The lines for an event: kind, symbol, commit (12 hex), author, date, subject, release. */
export function eventLines(event) {
  return [
    ['', `${event.kind}${event.merge ? ` (${event.merge} merge)` : ''}: ${event.symbol}`],
    ['commit', shortCommit(event.commit)],
    ['author', `${event.author_name} <${event.author_email}>`.trim()],
    ['date', gitDate(event.author_date)],
    ['subject', event.subject],
    ['release', event.release ?? 'not in a release yet'],
  ];
}
