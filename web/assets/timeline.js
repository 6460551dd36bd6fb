// The subsystem timeline: one lane per symbol with its license periods as bars and its events as
// markers, under a sticky time axis. Only the lanes in (or near) the viewport exist in the DOM, so
// thousands of lanes stay smooth; d3.zoom works on the time axis only.
import { dayOf, gitDate, LICENSE_LABELS, shortCommit, symbolHref } from './common.js';
import { kindClass, placeMark } from './eventMarks.js';
import { AXIS_HEIGHT, drawAxis, drawReleaseLines } from './timelineAxis.js';
import { eventLines, hideTooltip, showTooltip } from './tooltip.js';

export const LANE_HEIGHT = 20;
const OVERSCAN = 10;
const RIGHT = 16;
const MIN_SPAN = 36e5;

/**
 * Builds the timeline in `container`. `extent` is the full [start, end] in ms; `releases` are dated
 * releases; `onRange(domain | null)` is told the range after each zoom gesture (null: whole history).
 */
export function createTimeline(container, { extent, releases, onRange, onZoom }) {
  const root = d3.select(container).append('div').attr('class', 'timeline');
  // The axis sits in a sticky box, so it stays in view while the lanes scroll with the page.
  const axisSvg = root.append('div').attr('class', 'timeline-axis-box')
    .append('svg').attr('class', 'timeline-axis').attr('height', AXIS_HEIGHT);
  const axisClip = axisSvg.append('clipPath').attr('id', 'timeline-axis-clip').append('rect').attr('y', 0).attr('height', AXIS_HEIGHT);
  const header = axisSvg.append('text').attr('class', 'lanes-header').attr('x', 8).attr('y', AXIS_HEIGHT - 8);
  const axisG = axisSvg.append('g').attr('class', 'axis').attr('clip-path', 'url(#timeline-axis-clip)');
  const lanesSvg = root.append('svg').attr('class', 'timeline-lanes');
  const lanesClip = lanesSvg.append('clipPath').attr('id', 'timeline-lanes-clip').append('rect').attr('y', 0);
  const linesG = lanesSvg.append('g').attr('class', 'release-lines').attr('clip-path', 'url(#timeline-lanes-clip)');
  const rowsG = lanesSvg.append('g').attr('class', 'rows');

  let lanes = [];
  let labelWidth = 160;
  let width = 0;
  const x0 = d3.scaleUtc().domain(extent);
  let x = x0.copy();
  let frame = 0;
  let printing = false;
  let drawnAxis = '';

  const zoom = d3.zoom()
    .filter((event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target && target.closest('.lane-label')) return false;
      const onAxis = target !== null && axisSvg.node().contains(target);
      if (event.type === 'wheel') return onAxis || event.ctrlKey || event.metaKey;
      if (event.type.startsWith('touch')) return onAxis;
      return !event.ctrlKey && !event.button;
    })
    .on('zoom', (event) => {
      x = event.transform.rescaleX(x0);
      hideTooltip();
      schedule();
      if (onZoom) onZoom(x.domain());
    })
    .on('end', (event) => {
      onRange(event.transform.k <= 1.0001 && Math.abs(event.transform.x) < 0.5 ? null : x.domain());
    });
  root.call(zoom);

  function layout() {
    width = Math.max(480, container.clientWidth);
    const longest = d3.max(lanes, (lane) => lane.symbol.length) ?? 10;
    labelWidth = Math.min(300, Math.max(140, longest * 7.4 + 20));
    const right = width - RIGHT;
    const domain = x.domain();
    x0.range([labelWidth, right]);
    axisSvg.attr('width', width);
    lanesSvg.attr('width', width);
    axisClip.attr('x', labelWidth - 2).attr('width', right - labelWidth + RIGHT);
    lanesClip.attr('x', labelWidth).attr('width', right - labelWidth);
    const span = x0.domain()[1] - x0.domain()[0];
    zoom.extent([[labelWidth, 0], [right, AXIS_HEIGHT]])
      .translateExtent([[labelWidth, -Infinity], [right, Infinity]])
      .scaleExtent([1, Math.max(1, span / MIN_SPAN)]);
    setRange(domain);
  }

  /** Shows [from, to] (ms); null or an unusable range shows the whole history. */
  function setRange(domain) {
    const [r0, r1] = x0.range();
    const [a, b] = domain ? domain.map((d) => +d) : [NaN, NaN];
    let t = d3.zoomIdentity;
    if (Number.isFinite(a) && Number.isFinite(b) && b > a) {
      const k = (r1 - r0) / (x0(b) - x0(a));
      t = d3.zoomIdentity.translate(r0 - k * x0(a), 0).scale(k);
    }
    root.call(zoom.transform, t);
  }

  function setLanes(next) {
    lanes = next;
    header.text(`${lanes.length.toLocaleString('en')} symbol${lanes.length === 1 ? '' : 's'}`);
    layout();
    window.scrollTo({ top: Math.min(window.scrollY, root.node().offsetTop) });
    schedule();
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    const height = lanes.length * LANE_HEIGHT;
    lanesSvg.attr('height', Math.max(height, LANE_HEIGHT));
    lanesClip.attr('height', height);
    const [r0, r1] = x0.range();
    const [d0, d1] = x.domain();
    // A scroll alone leaves the axis as it was: redraw it only when the range or the size changed.
    const axisKey = `${+d0} ${+d1} ${r0} ${r1} ${height}`;
    if (axisKey !== drawnAxis) {
      drawAxis(axisG, x, releases, r0, r1);
      drawReleaseLines(linesG, x, releases, height);
      root.attr('data-from', +d0).attr('data-to', +d1);
      drawnAxis = axisKey;
    }

    // Virtualisation: the rows between the top and the bottom of the viewport, and a margin.
    const top = lanesSvg.node().getBoundingClientRect().top;
    const first = printing ? 0 : Math.max(0, Math.floor(-top / LANE_HEIGHT) - OVERSCAN);
    const last = printing ? lanes.length : Math.min(lanes.length, Math.ceil((window.innerHeight - top) / LANE_HEIGHT) + OVERSCAN);
    const shown = lanes.slice(first, Math.max(first, last));
    const rows = rowsG.selectAll('g.lane').data(shown, (lane) => lane.symbol).join(enterLane)
      .attr('transform', (_, i) => `translate(0,${(first + i) * LANE_HEIGHT})`)
      .classed('odd', (_, i) => (first + i) % 2 === 1);
    rows.select('rect.stripe').attr('width', width);
    rows.select('text.lane-name').attr('x', labelWidth - 8);
    rows.select('g.bars').selectAll('rect').data((lane) => lane.segments).join((enter) => enter.append('rect')
      .on('mouseenter', (event, s) => showTooltip(segmentLines(d3.select(event.currentTarget.parentNode).datum(), s), event))
      .on('mousemove', (event, s) => showTooltip(segmentLines(d3.select(event.currentTarget.parentNode).datum(), s), event))
      .on('mouseleave', hideTooltip))
      .attr('class', (s) => `bar lic-${s.license}`)
      .attr('x', (s) => Math.max(r0 - 2, x(s.start)))
      .attr('width', (s) => Math.max(1.5, Math.min(r1 + 2, x(s.end)) - Math.max(r0 - 2, x(s.start))))
      .attr('y', 5).attr('height', LANE_HEIGHT - 10);
    rows.select('g.marks').selectAll('a.mark-link').data((lane) => lane.events, (e) => e.index).join(enterMark)
      .each(function place(e) {
        placeMark(d3.select(this).select('path'), e.kind, x(e.time), LANE_HEIGHT / 2);
      });
  }

  function enterLane(enter) {
    const lane = enter.append('g').attr('class', 'lane').attr('data-symbol', (d) => d.symbol);
    lane.append('rect').attr('class', 'stripe').attr('height', LANE_HEIGHT);
    const label = lane.append('a').attr('class', 'lane-label').attr('href', (d) => symbolHref(d.symbol));
    label.append('text').attr('class', 'lane-name').attr('y', LANE_HEIGHT / 2).attr('dy', '0.35em').attr('text-anchor', 'end')
      .text((d) => (d.symbol.length > 38 ? `${d.symbol.slice(0, 37)}…` : d.symbol));
    label.append('title').text((d) => `${d.symbol}: ${LICENSE_LABELS[d.license] ?? d.license} now`);
    lane.append('g').attr('class', 'bars').attr('clip-path', 'url(#timeline-lanes-clip)');
    lane.append('g').attr('class', 'marks').attr('clip-path', 'url(#timeline-lanes-clip)');
    return lane;
  }

  function enterMark(enter) {
    const a = enter.append('a').attr('class', 'mark-link')
      .attr('href', (e) => symbolHref(e.symbol))
      .attr('data-event', (e) => e.index)
      .attr('aria-label', (e) => `${e.kind} ${e.symbol} ${dayOf(e.author_date)} commit ${shortCommit(e.commit)}`)
      .on('mouseenter', (event, e) => showTooltip(eventLines(e), event))
      .on('mousemove', (event, e) => showTooltip(eventLines(e), event))
      .on('mouseleave', hideTooltip)
      .on('focus', (event, e) => showTooltip(eventLines(e), event.currentTarget))
      .on('blur', hideTooltip);
    a.append('path').attr('class', (e) => `mark ${kindClass(e.kind)}`);
    return a;
  }

  function segmentLines(lane, s) {
    const until = s.open ? 'now' : gitDate(new Date(s.end).toISOString());
    return [['', lane.symbol], ['license', LICENSE_LABELS[s.license] ?? s.license],
      ['from', `${gitDate(new Date(s.start).toISOString())} (commit ${shortCommit(s.commit)})`], ['until', until]];
  }

  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', () => layout());
  window.addEventListener('beforeprint', () => { printing = true; render(); });
  window.addEventListener('afterprint', () => { printing = false; schedule(); });

  return {
    setLanes,
    setRange,
    zoomBy: (factor) => root.transition().duration(200).call(zoom.scaleBy, factor, [(x0.range()[0] + x0.range()[1]) / 2, 0]),
    reset: () => root.transition().duration(200).call(zoom.transform, d3.zoomIdentity),
    node: root.node(),
  };
}
