// The time axis of a timeline: release names above (thinned so none overlap), a UTC date axis below,
// and a tick per release; plus the formats of a zoom range in the URL (`from`, `to`).

export const AXIS_HEIGHT = 50;
const DAY = 864e5;

/** The releases with a date, as {release, time}, oldest first. */
export function datedReleases(releases) {
  return releases.filter((r) => r.date).map((r) => ({ release: r.release, time: Date.parse(r.date) }))
    .filter((r) => Number.isFinite(r.time)).sort((a, b) => a.time - b.time);
}

/**
 * Draws (or redraws) the axis into `g`: `x` the zoomed scale, `left`/`right` the plot's pixel range.
 * Release names take the room they need; a name that would overlap the previous one is left out.
 */
export function drawAxis(g, x, releases, left, right) {
  const [d0, d1] = x.domain();
  const inView = releases.filter((r) => r.time >= d0 && r.time <= d1);
  g.selectAll('g.release-tick').data(inView, (r) => r.release).join((enter) => {
    const tick = enter.append('g').attr('class', 'release-tick');
    tick.append('line').attr('y1', 18).attr('y2', AXIS_HEIGHT);
    tick.append('text').attr('class', 'release-name').attr('x', 3).attr('y', 13);
    return tick;
  }).attr('transform', (r) => `translate(${x(r.time)},0)`)
    .each(function label(r) {
      d3.select(this).select('text').text(r.release);
    });
  // Thinning: keep a name only when it clears the one kept before it.
  let clear = -Infinity;
  g.selectAll('g.release-tick').each(function thin(r) {
    const at = x(r.time);
    const width = 7 * r.release.length + 10;
    const fits = at >= clear && at + width <= right + 40;
    d3.select(this).select('text').attr('display', fits ? null : 'none');
    if (fits) clear = at + width;
  });
  const dates = d3.axisBottom(x).ticks(Math.max(2, Math.floor((right - left) / 110))).tickSizeOuter(0).tickSize(5);
  let axis = g.select('g.date-axis');
  if (axis.empty()) axis = g.append('g').attr('class', 'date-axis');
  axis.attr('transform', `translate(0,${AXIS_HEIGHT - 22})`).call(dates);
}

/** Draws the vertical release lines over the lanes: `height` the lanes' total height. */
export function drawReleaseLines(g, x, releases, height) {
  const [d0, d1] = x.domain();
  g.selectAll('line').data(releases.filter((r) => r.time >= d0 && r.time <= d1), (r) => r.release)
    .join('line').attr('class', 'release-line')
    .attr('x1', (r) => x(r.time)).attr('x2', (r) => x(r.time))
    .attr('y1', 0).attr('y2', height);
}

/**
 * A range end for the URL: a day (`2019-02-10`) for ranges of a month or more, else a minute
 * (`2019-02-10T16:00Z`), rounded to the nearest so that reading it back gives the same text.
 */
export function formatRangeEnd(time, span) {
  if (span >= 30 * DAY) return new Date(Math.round(time / DAY) * DAY).toISOString().slice(0, 10);
  return `${new Date(Math.round(time / 6e4) * 6e4).toISOString().slice(0, 16)}Z`;
}

/** Reads a range end written by formatRangeEnd (or any date the URL may hold); NaN when unreadable. */
export function parseRangeEnd(text) {
  if (!text || !/^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?Z)?$/.test(text)) return NaN;
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
}
