// The overview chart: exported symbols per release stacked by license (any, mixed, GPL-only), with
// the GPL-only share as a line on its own axis. Each release has a native tooltip (<title>).
import { LICENSES, percent } from './common.js';

const MARGIN = { top: 16, right: 56, bottom: 44, left: 56 };
const HEIGHT = 300;

/** Draws the chart for `releases` (from /api/releases) into an empty container. */
export function drawReleasesChart(container, releases) {
  const width = Math.max(360, container.clientWidth || 800);
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const svg = d3.select(container).append('svg')
    .attr('class', 'chart releases-chart')
    .attr('viewBox', `0 0 ${width} ${HEIGHT}`)
    .attr('width', width).attr('height', HEIGHT)
    .attr('role', 'img')
    .attr('aria-label', 'Exported symbols per release by license, and the GPL-only share');
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);

  const x = d3.scaleBand().domain(releases.map((r) => r.release)).range([0, innerW]).paddingInner(releases.length > 60 ? 0.05 : 0.2).paddingOuter(0.1);
  const y = d3.scaleLinear().domain([0, d3.max(releases, (r) => r.any + r.gpl + r.mixed) || 1]).nice().range([innerH, 0]);
  const share = d3.scaleLinear().domain([0, Math.max(0.01, d3.max(releases, (r) => r.gplShare) ?? 0)]).nice().range([innerH, 0]);

  plot.append('g').attr('class', 'grid').call(d3.axisLeft(y).ticks(5).tickSize(-innerW).tickFormat(() => ''));
  const stack = d3.stack().keys(LICENSES)(releases);
  plot.append('g').attr('class', 'stacks').selectAll('g').data(stack).join('g')
    .attr('class', (layer) => `bar lic-${layer.key}`)
    .selectAll('rect').data((layer) => layer).join('rect')
    .attr('x', (d) => x(d.data.release))
    .attr('width', x.bandwidth())
    .attr('y', (d) => y(d[1]))
    .attr('height', (d) => Math.max(0, y(d[0]) - y(d[1])));

  const line = d3.line().x((r) => x(r.release) + x.bandwidth() / 2).y((r) => share(r.gplShare));
  plot.append('path').attr('class', 'share-line').datum(releases).attr('d', line);
  if (releases.length <= 80) {
    plot.append('g').attr('class', 'share-dots').selectAll('circle').data(releases).join('circle')
      .attr('class', 'share-dot').attr('r', 3)
      .attr('cx', (r) => x(r.release) + x.bandwidth() / 2).attr('cy', (r) => share(r.gplShare));
  }

  // Release names thinned so that labels never overlap.
  const every = Math.max(1, Math.ceil(releases.length / Math.max(1, innerW / 56)));
  const last = releases.length - 1;
  // The newest release is always named; the regular name before it gives way when too close.
  const shown = new Set(releases.filter((_, i) => i === last || (i % every === 0 && last - i >= every)).map((r) => r.release));
  plot.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${innerH})`)
    .call(d3.axisBottom(x).tickValues([...shown]).tickSizeOuter(0));
  plot.append('g').attr('class', 'axis axis-count').call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('~s')));
  plot.append('g').attr('class', 'axis axis-share').attr('transform', `translate(${innerW},0)`)
    .call(d3.axisRight(share).ticks(5, '.0%'));
  svg.append('text').attr('class', 'axis-title').attr('transform', `translate(14,${MARGIN.top + innerH / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle').text('exported symbols');
  svg.append('text').attr('class', 'axis-title share-title').attr('transform', `translate(${width - 10},${MARGIN.top + innerH / 2}) rotate(90)`)
    .attr('text-anchor', 'middle').text('GPL-only share');

  // One transparent column per release carries its numbers as a tooltip.
  plot.append('g').attr('class', 'hover-columns').selectAll('rect').data(releases).join('rect')
    .attr('class', 'hover-column')
    .attr('x', (r) => x(r.release) - (x.step() - x.bandwidth()) / 2).attr('width', x.step())
    .attr('y', 0).attr('height', innerH)
    .append('title')
    .text((r) => `${r.release}${r.date ? ` (${r.date.slice(0, 10)})` : ''}\nany: ${r.any}\nGPL-only: ${r.gpl}\nmixed: ${r.mixed}\nGPL-only share: ${percent(r.gplShare)}`);
  return svg.node();
}
