// The overview page: symbol search, exports by license per release, the latest license changes and
// the subsystems. State in the URL: `q` (the search text) and `filter` (the subsystem name filter).
import { dayOf, el, getJSON, link, percent, readQuery, shortCommit, showDemoBanner, showError, subsystemHref, symbolHref, writeQuery } from './common.js';
import { attachSearch } from './search.js';
import { drawReleasesChart } from './releasesChart.js';

const LATEST = 20;

async function statsLine(stats) {
  const line = document.getElementById('stats');
  const { any, gpl, mixed } = stats.symbols;
  line.textContent = `${stats.commits.toLocaleString('en')} commits mined, ${stats.events.toLocaleString('en')} events, `
    + `${(any + gpl + mixed).toLocaleString('en')} symbols exported now (${gpl.toLocaleString('en')} GPL-only), `
    + `${stats.releases} releases${stats.tip ? `; tip ${shortCommit(stats.tip)} of ${stats.ref}` : ''}.`;
}

async function releases() {
  const box = document.getElementById('releases-chart');
  try {
    const { items } = await getJSON('/api/releases');
    box.replaceChildren();
    if (items.length === 0) box.append(el('p', 'empty', 'No release tags in the record yet.'));
    else drawReleasesChart(box, items);
  } catch (error) {
    showError(box, error);
  }
}

/** The newest tightenings and loosenings: the API lists oldest first, so read its last page. */
async function latestChanges() {
  const box = document.getElementById('latest-changes');
  try {
    const kinds = 'kind=tightened,loosened';
    const { total } = await getJSON(`/api/events?${kinds}&limit=0`);
    const { items } = await getJSON(`/api/events?${kinds}&limit=${LATEST}&offset=${Math.max(0, total - LATEST)}`);
    if (items.length === 0) {
      box.replaceChildren(el('p', 'empty', 'No license changes in the record.'));
      return;
    }
    const table = el('table', 'events latest');
    const head = table.createTHead().insertRow();
    for (const title of ['date', 'change', 'symbol', 'commit', 'subject', 'release']) head.append(el('th', '', title));
    const body = table.createTBody();
    for (const event of items.reverse()) {
      const row = body.insertRow();
      row.insertCell().append(el('time', '', dayOf(event.author_date)));
      row.insertCell().append(el('span', `badge kind-${event.kind}`, event.kind));
      row.insertCell().append(link(symbolHref(event.symbol), event.symbol, 'symbol'));
      row.insertCell().append(el('code', 'commit', shortCommit(event.commit)));
      row.insertCell().append(el('span', 'subject', event.subject));
      row.insertCell().textContent = event.release ?? '—';
    }
    const caption = total > LATEST ? `the ${LATEST} newest of ${total}, newest first` : `${total}, newest first`;
    box.replaceChildren(el('p', 'note', caption), table);
  } catch (error) {
    showError(box, error);
  }
}

async function subsystems() {
  const box = document.getElementById('subsystems');
  const filter = document.getElementById('subsystem-filter');
  try {
    const { items } = await getJSON('/api/subsystems');
    const table = el('table', 'subsystems');
    const head = table.createTHead().insertRow();
    for (const [title, numeric] of [['subsystem', false], ['kind', false], ['exports', true], ['GPL-only', true], ['GPL-only share', true], ['events', true]]) {
      head.append(el('th', numeric ? 'num' : '', title));
    }
    const body = table.createTBody();
    const rows = items.map((s) => {
      const row = body.insertRow();
      row.insertCell().append(link(subsystemHref(s.name), s.name, 'subsystem'));
      row.insertCell().textContent = s.kind === 'group' ? 'named group' : `MAINTAINERS${s.status ? `, ${s.status}` : ''}`;
      for (const value of [s.exports.toLocaleString('en'), s.gplOnly.toLocaleString('en'), percent(s.gplShare), s.eventCount.toLocaleString('en')]) {
        const cell = row.insertCell();
        cell.className = 'num';
        cell.textContent = value;
      }
      return { row, name: s.name.toLowerCase() };
    });
    const count = el('p', 'note');
    const apply = () => {
      const text = filter.value.trim().toLowerCase();
      let shown = 0;
      for (const { row, name } of rows) {
        row.hidden = text !== '' && !name.includes(text);
        if (!row.hidden) shown++;
      }
      count.textContent = text === '' ? `${items.length} subsystems with exports or events, most exports first`
        : `${shown} of ${items.length} subsystems match`;
      writeQuery({ filter: filter.value });
    };
    filter.value = readQuery().get('filter') ?? '';
    filter.addEventListener('input', apply);
    box.replaceChildren(count, table);
    apply();
  } catch (error) {
    showError(box, error);
  }
}

attachSearch(document.getElementById('search'), { syncUrl: true });
showDemoBanner().then(statsLine).catch((error) => showError(document.getElementById('stats'), error));
releases();
latestChanges();
subsystems();
