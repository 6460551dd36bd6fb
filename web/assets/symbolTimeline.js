// The symbol page's small timeline: the symbol's license over the whole tree, rebuilt from its events
// (file by file, as the record replays them), with a marker per event and the release ticks.
import { dayOf, eventTime, shortCommit } from './common.js';
import { kindClass, placeMark } from './eventMarks.js';
import { segmentsOf, timeExtent } from './lanes.js';
import { AXIS_HEIGHT, drawAxis, drawReleaseLines } from './timelineAxis.js';
import { eventLines, hideTooltip, showTooltip } from './tooltip.js';

const LANE = 26;
const MARGIN = { left: 12, right: 16 };

/** What a tree license is for a set of per-file licenses (like treeLicenseOf on the server). */
function treeLicense(files) {
  const seen = new Set(files.values());
  if (seen.size === 0) return 'none';
  return seen.size > 1 || seen.has('mixed') ? 'mixed' : [...seen][0];
}

/** Periods ({from: seconds, license, commit}) from the events, oldest first: one per commit that changed the license. */
export function licensePeriods(events) {
  const files = new Map();
  const periods = [];
  let current = 'none';
  events.forEach((event, i) => {
    if (event.kind === 'removed') files.delete(event.path);
    else {
      if (event.kind === 'moved' && event.from_path) files.delete(event.from_path);
      const license = event.after_license ?? files.get(event.path);
      if (license) files.set(event.path, license);
    }
    // A commit's events come together: the license counts once all of them are applied.
    const next = events[i + 1];
    if (next && next.commit === event.commit) return;
    const license = treeLicense(files);
    if (license !== current) periods.push({ from: eventTime(event) / 1000, license, commit: event.commit });
    current = license;
  });
  return periods;
}

/** Draws the timeline of `events` into `container`; markers link to `#event-N` rows of the table. */
export function drawSymbolTimeline(container, events, releases) {
  const width = Math.max(360, container.clientWidth || 800);
  const right = width - MARGIN.right;
  const latest = releases.length > 0 ? releases[releases.length - 1].time : NaN;
  const extent = timeExtent([], events, latest);
  const x = d3.scaleUtc().domain(extent).range([MARGIN.left, right]);
  const svg = d3.select(container).append('svg').attr('class', 'symbol-timeline')
    .attr('width', width).attr('height', AXIS_HEIGHT + LANE + 4)
    .attr('role', 'img').attr('aria-label', 'License over time, with the events of this symbol');
  drawAxis(svg.append('g').attr('class', 'axis'), x, releases, MARGIN.left, right);
  const lane = svg.append('g').attr('transform', `translate(0,${AXIS_HEIGHT})`);
  lane.append('rect').attr('class', 'stripe').attr('x', MARGIN.left).attr('width', right - MARGIN.left).attr('height', LANE);
  drawReleaseLines(lane.append('g').attr('class', 'release-lines'), x, releases, LANE);
  lane.append('g').attr('class', 'bars').selectAll('rect').data(segmentsOf(licensePeriods(events), extent[1])).join('rect')
    .attr('class', (s) => `bar lic-${s.license}`)
    .attr('x', (s) => x(s.start)).attr('width', (s) => Math.max(1.5, x(s.end) - x(s.start)))
    .attr('y', 6).attr('height', LANE - 12)
    .append('title').text((s) => `${s.license} from ${dayOf(new Date(s.start).toISOString())} (commit ${shortCommit(s.commit)})`);
  lane.append('g').attr('class', 'marks').selectAll('a').data(events.map((e, index) => ({ ...e, index }))).join('a')
    .attr('class', 'mark-link').attr('href', (e) => `#event-${e.index}`).attr('data-event', (e) => e.index)
    .attr('aria-label', (e) => `${e.kind} ${dayOf(e.author_date)} commit ${shortCommit(e.commit)}`)
    .on('mouseenter mousemove', (event, e) => showTooltip(eventLines(e), event))
    .on('mouseleave blur', hideTooltip)
    .on('focus', (event, e) => showTooltip(eventLines(e), event.currentTarget))
    .append('path').attr('class', (e) => `mark ${kindClass(e.kind)}`)
    .each(function place(e) {
      placeMark(d3.select(this), e.kind, x(eventTime(e)), LANE / 2);
    });
  return svg.node();
}
