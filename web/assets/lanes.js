// Pure data for timelines: license periods → coloured segments, one lane per symbol with its events,
// the filters and sort orders of the subsystem view, and the time domain. Times are milliseconds.
import { eventTime } from './common.js';

/**
 * Segments from periods ({from: seconds, license}) in order: each period lasts until the next one;
 * `none` (not exported) draws nothing; neighbours with one license merge.
 */
export function segmentsOf(periods, end) {
  const segments = [];
  periods.forEach((period, i) => {
    const start = period.from * 1000;
    // Committer clocks can run backwards between commits: a period never ends before it starts.
    const stop = Math.max(start, i + 1 < periods.length ? periods[i + 1].from * 1000 : end);
    if (period.license === 'none') return;
    const last = segments[segments.length - 1];
    const open = i + 1 === periods.length;
    if (last && last.license === period.license && last.end === start) Object.assign(last, { end: stop, open });
    else segments.push({ start, end: stop, license: period.license, commit: period.commit, open });
  });
  return segments;
}

/** True when the symbol had two different licenses (any, gpl, mixed) at some point, gaps aside. */
export function licenseChanged(periods) {
  const seen = periods.map((p) => p.license).filter((l) => l !== 'none');
  return seen.some((license, i) => i > 0 && license !== seen[i - 1]);
}

/** The time span to draw: every period and event, up to `latest` (the newest release) when later. */
export function timeExtent(symbols, events, latest) {
  const times = [];
  for (const s of symbols) for (const p of s.periods) times.push(p.from * 1000);
  for (const e of events) times.push(eventTime(e));
  const finite = times.filter(Number.isFinite);
  if (finite.length === 0) return [Date.UTC(1991, 8, 17), Date.now()];
  let [lo, hi] = d3.extent(finite);
  if (Number.isFinite(latest) && latest > hi) hi = latest;
  if (hi - lo < 864e5) {
    lo -= 432e5;
    hi += 432e5;
  }
  const pad = (hi - lo) * 0.02;
  return [lo - pad, hi + pad];
}

/** One lane per symbol of a subsystem (and for any event whose symbol has no periods). */
export function buildLanes(symbols, events, end) {
  const lanes = new Map();
  for (const s of symbols) {
    const starts = s.periods.filter((p) => p.license !== 'none').map((p) => p.from * 1000);
    lanes.set(s.symbol, {
      symbol: s.symbol,
      license: s.license,
      segments: segmentsOf(s.periods, end),
      events: [],
      changed: licenseChanged(s.periods),
      firstExport: starts.length > 0 ? Math.min(...starts) : Infinity,
      lastChange: s.periods.reduce((max, p, i) => (i > 0 && p.license !== s.periods[i - 1].license ? Math.max(max, p.from * 1000) : max), -Infinity),
    });
  }
  events.forEach((event, index) => {
    let lane = lanes.get(event.symbol);
    if (!lane) {
      lane = { symbol: event.symbol, license: 'none', segments: [], events: [], changed: false, firstExport: Infinity, lastChange: -Infinity };
      lanes.set(event.symbol, lane);
    }
    lane.events.push({ ...event, index, time: eventTime(event) });
  });
  for (const lane of lanes.values()) {
    // Last change: the newest event, or the newest license switch of the periods.
    for (const e of lane.events) lane.lastChange = Math.max(lane.lastChange, e.time);
    if (lane.lastChange === -Infinity) lane.lastChange = lane.firstExport === Infinity ? -Infinity : lane.firstExport;
  }
  return [...lanes.values()];
}

export const SORTS = {
  name: (a, b) => d3.ascending(a.symbol, b.symbol),
  first: (a, b) => d3.ascending(a.firstExport, b.firstExport) || d3.ascending(a.symbol, b.symbol),
  last: (a, b) => d3.descending(a.lastChange, b.lastChange) || d3.ascending(a.symbol, b.symbol),
};

/** The lanes shown: filtered (`onlyChanged`) and sorted (`name`, `first` export, `last` change, newest first). */
export function visibleLanes(lanes, { onlyChanged, sort }) {
  const shown = onlyChanged ? lanes.filter((lane) => lane.changed) : lanes.slice();
  return shown.sort(SORTS[sort] ?? SORTS.name);
}
