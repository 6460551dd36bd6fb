// The symbol page: its exports now, a small timeline, its license at each release and every event
// with its citation and a "copy citation" button. An unknown name shows the API's message and the
// nearest names. The page's state is its path: /symbol/NAME.
import { ApiError, dayOf, el, getJSON, LICENSE_LABELS, link, pathName, shortCommit, showDemoBanner, showError, subsystemHref, symbolHref } from './common.js';
import { drawLegend } from './eventMarks.js';
import { attachSearch } from './search.js';
import { drawSymbolTimeline } from './symbolTimeline.js';
import { datedReleases } from './timelineAxis.js';

const name = pathName('/symbol/');
const content = document.getElementById('content');
document.title = `${name} · ksymtrail`;
document.getElementById('title').textContent = name;
attachSearch(document.getElementById('search'));
showDemoBanner().catch((error) => showError(content, error));

const section = (title, ...children) => {
  const s = el('section');
  s.append(el('h2', '', title), ...children);
  return s;
};

function table(headers) {
  const t = el('table');
  const row = t.createTHead().insertRow();
  for (const h of headers) row.append(el('th', '', h));
  return [t, t.createTBody()];
}

function exportsSection(detail) {
  if (detail.exports.length === 0) return section('Exports now', el('p', 'empty', 'Not exported at the mined tip.'));
  const [t, body] = table(['file', 'line', 'macro', 'license', 'namespace', 'subsystems']);
  t.className = 'exports';
  for (const e of detail.exports) {
    const row = body.insertRow();
    row.insertCell().append(el('code', 'path', e.path));
    row.insertCell().textContent = String(e.line);
    row.insertCell().append(el('code', 'macro', e.macro));
    row.insertCell().append(el('span', `badge lic-${e.license}`, e.license));
    row.insertCell().textContent = e.namespace ?? '—';
    const subs = row.insertCell();
    e.subsystems.forEach((s, i) => subs.append(...(i > 0 ? [', '] : []), link(subsystemHref(s), s)));
    if (e.subsystems.length === 0) subs.textContent = '—';
  }
  return section('Exports now', t);
}

function releasesLine(detail) {
  const p = el('p', 'release-licenses');
  p.append(el('span', 'label', 'License at releases (where it changed): '));
  if (detail.releases.length === 0) p.append('not exported at any release tag of the record.');
  detail.releases.forEach((r, i) => {
    if (i > 0) p.append(' → ');
    const item = el('span', 'release-license');
    item.append(el('strong', '', r.release), ' ', el('span', `badge lic-${r.license}`, r.license));
    p.append(item);
  });
  return p;
}

function copyButton(citation, pre) {
  const wrap = el('div', 'copy');
  const button = el('button', 'copy-citation', 'Copy citation');
  button.type = 'button';
  const status = el('span', 'copy-status');
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(citation);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard (a plain-http origin, or permission refused): select the text for Ctrl+C.
      getSelection().selectAllChildren(pre);
      status.textContent = 'Selected: press Ctrl+C to copy.';
    }
    setTimeout(() => (status.textContent = ''), 4000);
  });
  wrap.append(button, status);
  return wrap;
}

function eventsSection(detail) {
  if (detail.events.length === 0) return section('Events', el('p', 'empty', 'No events.'));
  const [t, body] = table(['date', 'kind', 'commit', 'author', 'subject', 'release']);
  t.className = 'events symbol-events';
  detail.events.forEach((event, i) => {
    const row = body.insertRow();
    row.id = `event-${i}`;
    row.className = 'event';
    row.insertCell().append(el('time', '', dayOf(event.author_date)));
    const kind = row.insertCell();
    kind.append(el('span', `badge kind-${event.kind}`, event.kind + (event.merge ? ` (${event.merge} merge)` : '')), el('br'),
      el('code', 'path', event.from_path ? `${event.from_path} → ${event.path}` : event.path));
    row.insertCell().append(el('code', 'commit', shortCommit(event.commit)));
    // git reads an ident's name up to its first '<': a name can be empty, then the e-mail stands in.
    const author = el('span', 'author', event.author_name || event.author_email);
    author.title = `${event.author_name} <${event.author_email}>`.trim();
    row.insertCell().append(author);
    row.insertCell().append(el('span', 'subject', event.subject));
    row.insertCell().textContent = event.release ?? '—';
    const citeRow = body.insertRow();
    citeRow.className = 'citation-row';
    const cell = citeRow.insertCell();
    cell.colSpan = 6;
    const pre = el('pre', 'citation', event.citation);
    cell.append(pre, copyButton(event.citation, pre));
  });
  return section(`Events (${detail.events.length})`, t);
}

function unknown(error) {
  document.title = `Unknown symbol ${name} · ksymtrail`;
  const parts = [el('p', 'error', error.message)];
  if (error.nearest.length > 0) {
    const list = el('ul', 'nearest');
    for (const n of error.nearest) {
      const item = el('li');
      item.append(link(symbolHref(n), n));
      list.append(item);
    }
    parts.push(el('p', '', 'Nearest names in the record:'), list);
  }
  content.replaceChildren(...parts);
}

async function main() {
  let detail;
  let releases;
  try {
    [detail, { items: releases }] = await Promise.all([getJSON(`/api/symbols/${encodeURIComponent(name)}`), getJSON('/api/releases')]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) unknown(error);
    else showError(content, error);
    return;
  }
  const now = el('p', 'license-now');
  now.append('License now: ', el('span', `badge lic-${detail.license}`, LICENSE_LABELS[detail.license] ?? detail.license));
  const timelineBox = el('div', 'symbol-timeline-box');
  const legend = el('div', 'legend');
  content.replaceChildren(now, exportsSection(detail), section('Timeline', legend, timelineBox, releasesLine(detail)), eventsSection(detail));
  drawLegend(legend);
  if (detail.events.length > 0) drawSymbolTimeline(timelineBox, detail.events, datedReleases(releases));
}

main().catch((error) => showError(content, error));
