// The subsystem page: its summary and the timeline of its symbols. State in the URL: `changed=1`
// (only symbols whose license ever changed), `sort` (name, first, last) and `from`/`to` (the zoom range).
import { el, getJSON, pathName, percent, readQuery, showDemoBanner, showError, writeQuery } from './common.js';
import { drawLegend } from './eventMarks.js';
import { buildLanes, SORTS, timeExtent, visibleLanes } from './lanes.js';
import { attachSearch } from './search.js';
import { createTimeline } from './timeline.js';
import { datedReleases, formatRangeEnd, parseRangeEnd } from './timelineAxis.js';

const name = pathName('/subsystem/');
document.title = `${name} · subsystem timeline · ksymtrail`;
document.getElementById('title').textContent = name;
attachSearch(document.getElementById('search'));
showDemoBanner().catch((error) => showError(document.getElementById('summary'), error));

function summary(detail) {
  const box = document.getElementById('summary');
  const kind = detail.kind === 'group' ? 'Named group' : `MAINTAINERS entry${detail.status ? `, ${detail.status}` : ''}`;
  const counts = `${detail.exports.toLocaleString('en')} symbols exported now, ${detail.gplOnly.toLocaleString('en')} GPL-only `
    + `(${percent(detail.gplShare)}); ${detail.eventCount.toLocaleString('en')} events; ${detail.symbols.length.toLocaleString('en')} symbols in the record`;
  const parts = [el('p', 'subsystem-kind', `${kind}. ${counts}.`)];
  const details = detail.details ?? {};
  for (const [key, label] of [['maintainers', 'Maintainers'], ['reviewers', 'Reviewers'], ['lists', 'Lists'], ['trees', 'Trees']]) {
    if (Array.isArray(details[key]) && details[key].length > 0) parts.push(el('p', 'subsystem-people', `${label}: ${details[key].join(', ')}`));
  }
  if (typeof details.description === 'string') parts.push(el('p', 'subsystem-description', details.description));
  box.replaceChildren(...parts);
}

async function main() {
  const box = document.getElementById('timeline');
  let detail;
  let releases;
  try {
    [detail, { items: releases }] = await Promise.all([
      getJSON(`/api/subsystems/${encodeURIComponent(name)}`),
      getJSON('/api/releases'),
    ]);
  } catch (error) {
    showError(document.getElementById('summary'), error);
    box.replaceChildren(el('p', '', 'See the overview for the subsystems of the record.'));
    return;
  }
  summary(detail);

  // The view as the URL gives it, read before anything writes the URL.
  const query = readQuery();
  const state = { onlyChanged: query.get('changed') === '1', sort: Object.hasOwn(SORTS, query.get('sort') ?? '') ? query.get('sort') : 'name' };
  const from = parseRangeEnd(query.get('from'));
  const to = parseRangeEnd(query.get('to'));

  const dated = datedReleases(releases);
  const extent = timeExtent(detail.symbols, detail.events, dated.length > 0 ? dated[dated.length - 1].time : NaN);
  const lanes = buildLanes(detail.symbols, detail.events, extent[1]);
  const rangeText = document.getElementById('range');
  const empty = el('p', 'empty', 'No symbol of this subsystem ever changed license.');
  empty.hidden = true;
  box.replaceChildren(empty);
  const timeline = createTimeline(box, {
    extent,
    releases: dated,
    onZoom: ([d0, d1]) => {
      const shown = (time) => formatRangeEnd(time, d1 - d0).replace('T', ' ').replace('Z', ' UTC');
      rangeText.textContent = `${shown(+d0)} to ${shown(+d1)}`;
    },
    onRange: (domain) => {
      const span = domain ? domain[1] - domain[0] : 0;
      writeQuery(domain ? { from: formatRangeEnd(+domain[0], span), to: formatRangeEnd(+domain[1], span) } : { from: null, to: null });
    },
  });
  drawLegend(document.getElementById('legend'));

  const onlyChanged = document.getElementById('only-changed');
  const sort = document.getElementById('sort');
  onlyChanged.checked = state.onlyChanged;
  sort.value = state.sort;
  const show = () => {
    const shown = visibleLanes(lanes, state);
    empty.hidden = shown.length > 0 || lanes.length === 0;
    timeline.setLanes(shown);
  };
  onlyChanged.addEventListener('change', () => {
    state.onlyChanged = onlyChanged.checked;
    writeQuery({ changed: state.onlyChanged ? '1' : null });
    show();
  });
  sort.addEventListener('change', () => {
    state.sort = sort.value;
    writeQuery({ sort: state.sort === 'name' ? null : state.sort });
    show();
  });
  document.getElementById('zoom-in').addEventListener('click', () => timeline.zoomBy(2));
  document.getElementById('zoom-out').addEventListener('click', () => timeline.zoomBy(0.5));
  document.getElementById('zoom-reset').addEventListener('click', () => timeline.reset());
  document.getElementById('controls').hidden = false;

  show();
  if (Number.isFinite(from) && Number.isFinite(to) && to > from) timeline.setRange([from, to]);
}

main().catch((error) => showError(document.getElementById('timeline'), error));
