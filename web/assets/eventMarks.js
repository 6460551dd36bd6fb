// Event markers: one shape per event kind (d3 symbols), and the legend that explains them and the
// license colours. Colours come from style.css classes (`lic-*`, `kind-*`), so print and screen agree.

const TRIANGLE = () => d3.symbol(d3.symbolTriangle, 90)();

/** The kinds with a shape of their own; every other kind gets DEFAULT_MARK. */
const MARKS = {
  added: { path: TRIANGLE, rotate: 0, label: 'added' },
  removed: { path: TRIANGLE, rotate: 180, label: 'removed' },
  tightened: { path: () => d3.symbol(d3.symbolDiamond, 110)(), rotate: 0, label: 'tightened (any → GPL-only)' },
  loosened: { path: () => d3.symbol(d3.symbolSquare, 80)(), rotate: 0, label: 'loosened (GPL-only → any)' },
  moved: { path: () => d3.symbol(d3.symbolWye, 90)(), rotate: 0, label: 'moved to another file' },
};
const DEFAULT_MARK = { path: () => d3.symbol(d3.symbolCircle, 56)(), rotate: 0, label: 'macro or namespace changed' };

const cache = new Map();

/** The marker of a kind: its SVG path data and rotation. */
export function markOf(kind) {
  const mark = MARKS[kind] ?? DEFAULT_MARK;
  if (!cache.has(mark)) cache.set(mark, { d: mark.path(), rotate: mark.rotate });
  return cache.get(mark);
}

/** A CSS class name for a kind (its fill). */
export const kindClass = (kind) => `kind-${Object.hasOwn(MARKS, kind) ? kind : 'other'}`;

/** Sets a marker path's shape and place: `x`, `y` in pixels. */
export function placeMark(path, kind, x, y) {
  const mark = markOf(kind);
  path.attr('d', mark.d).attr('transform', `translate(${x},${y})${mark.rotate ? ` rotate(${mark.rotate})` : ''}`);
}

/** Fills a container with the legend: license swatches and one marker per kind. */
export function drawLegend(container, { licenses = true } = {}) {
  const root = d3.select(container).classed('legend', true);
  root.selectAll('*').remove();
  if (licenses) {
    for (const [license, label] of [['any', 'any module'], ['gpl', 'GPL-only'], ['mixed', 'mixed (both, in different files)']]) {
      const item = root.append('span').attr('class', 'legend-item');
      item.append('svg').attr('width', 22).attr('height', 12).attr('aria-hidden', 'true')
        .append('rect').attr('class', `bar lic-${license}`).attr('width', 22).attr('height', 12);
      item.append('span').text(label);
    }
  }
  for (const [kind, mark] of [...Object.entries(MARKS), ['other', DEFAULT_MARK]]) {
    const item = root.append('span').attr('class', 'legend-item');
    const path = item.append('svg').attr('width', 16).attr('height', 16).attr('aria-hidden', 'true')
      .append('path').attr('class', `mark ${kindClass(kind)}`);
    placeMark(path, kind, 8, 8);
    item.append('span').text(mark.label);
  }
}
