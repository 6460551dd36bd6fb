// The pure parts of the pages' timelines, run in Node: license periods to bars, the filter and sort
// orders of the subsystem view, a symbol's license rebuilt from its events, and the URL's range ends.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

// The page modules are plain browser JavaScript that use the global `d3`, as the pages load it.
const WEB = new URL('../../../web/assets/', import.meta.url);
let lanes: any;
let axis: any;
let symbolTimeline: any;

before(async () => {
  (globalThis as any).d3 = await import('d3');
  lanes = await import(new URL('lanes.js', WEB).href);
  axis = await import(new URL('timelineAxis.js', WEB).href);
  symbolTimeline = await import(new URL('symbolTimeline.js', WEB).href);
});

const period = (from: number, license: string, commit = 'c') => ({ from, license, commit });

describe('segmentsOf', () => {
  test('each period lasts until the next one and the last until the end', () => {
    assert.deepEqual(lanes.segmentsOf([period(10, 'any', 'a'), period(20, 'gpl', 'b')], 50_000), [
      { start: 10_000, end: 20_000, license: 'any', commit: 'a', open: false },
      { start: 20_000, end: 50_000, license: 'gpl', commit: 'b', open: true },
    ]);
  });
  test('draws nothing while the symbol is not exported', () => {
    assert.deepEqual(lanes.segmentsOf([period(10, 'any'), period(20, 'none'), period(30, 'any')], 40_000).map((s: any) => [s.start, s.end]),
      [[10_000, 20_000], [30_000, 40_000]]);
  });
  test('merges neighbours with one license (a move)', () => {
    assert.deepEqual(lanes.segmentsOf([period(10, 'any'), period(20, 'any')], 40_000).map((s: any) => [s.start, s.end, s.open]), [[10_000, 40_000, true]]);
  });
  test('never ends a period before it starts when committer clocks run backwards', () => {
    assert.deepEqual(lanes.segmentsOf([period(30, 'any'), period(20, 'gpl')], 40_000).map((s: any) => [s.start, s.end]), [[30_000, 30_000], [20_000, 40_000]]);
  });
  test('has no bars for no periods', () => {
    assert.deepEqual(lanes.segmentsOf([], 1), []);
  });
});

describe('licenseChanged', () => {
  for (const [licenses, changed] of [
    [['any'], false], [['any', 'none'], false], [['any', 'gpl'], true], [['gpl', 'none', 'any'], true], [['any', 'mixed'], true], [['gpl', 'gpl'], false],
  ] as const) {
    test(`${licenses.join(' → ')} ${changed ? 'changed' : 'did not change'} license`, () => {
      assert.equal(lanes.licenseChanged(licenses.map((l, i) => period(i, l))), changed);
    });
  }
});

describe('visibleLanes', () => {
  const event = (symbol: string, seconds: number) => ({ symbol, kind: 'added', committer_date: new Date(seconds * 1000).toISOString() });
  const symbols = [
    { symbol: 'b_late', license: 'any', periods: [period(300, 'any')] },
    { symbol: 'a_switched', license: 'gpl', periods: [period(200, 'any'), period(400, 'gpl')] },
    { symbol: 'c_early', license: 'any', periods: [period(100, 'any')] },
  ];
  const built = () => lanes.buildLanes(symbols, [event('c_early', 100), event('a_switched', 200), event('b_late', 300), event('a_switched', 400)], 1e6);
  const order = (options: object) => lanes.visibleLanes(built(), options).map((lane: any) => lane.symbol);

  test('sorts by name', () => assert.deepEqual(order({ sort: 'name' }), ['a_switched', 'b_late', 'c_early']));
  test('sorts by first export, oldest first', () => assert.deepEqual(order({ sort: 'first' }), ['c_early', 'a_switched', 'b_late']));
  test('sorts by last change, newest first', () => assert.deepEqual(order({ sort: 'last' }), ['a_switched', 'b_late', 'c_early']));
  test('keeps only the symbols whose license changed', () => assert.deepEqual(order({ sort: 'name', onlyChanged: true }), ['a_switched']));
  test('gives an event whose symbol has no periods a lane of its own', () => {
    const result = lanes.buildLanes([], [event('orphan', 5)], 1e6);
    assert.deepEqual(result.map((lane: any) => [lane.symbol, lane.events.length, lane.segments.length]), [['orphan', 1, 0]]);
  });
});

describe('licensePeriods', () => {
  const ev = (commit: string, seconds: number, kind: string, path: string, after: string | null, fromPath: string | null = null) =>
    ({ commit, kind, path, from_path: fromPath, after_license: after, committer_date: new Date(seconds * 1000).toISOString() });

  test('rebuilds any → GPL-only → not exported from per-file events', () => {
    const periods = symbolTimeline.licensePeriods([ev('a', 1, 'added', 'x.c', 'any'), ev('b', 2, 'tightened', 'x.c', 'gpl'), ev('c', 3, 'removed', 'x.c', null)]);
    assert.deepEqual(periods.map((p: any) => [p.from, p.license, p.commit]), [[1, 'any', 'a'], [2, 'gpl', 'b'], [3, 'none', 'c']]);
  });
  test('is mixed while two files export it under different licenses', () => {
    const periods = symbolTimeline.licensePeriods([ev('a', 1, 'added', 'x.c', 'any'), ev('b', 2, 'added', 'arch/y.c', 'gpl'), ev('c', 3, 'removed', 'arch/y.c', null)]);
    assert.deepEqual(periods.map((p: any) => p.license), ['any', 'mixed', 'any']);
  });
  test('counts a commit once all of its events are applied (a move that tightens)', () => {
    const periods = symbolTimeline.licensePeriods([ev('a', 1, 'added', 'x.c', 'any'), ev('b', 2, 'moved', 'y.c', 'any', 'x.c'), ev('b', 2, 'tightened', 'y.c', 'gpl')]);
    assert.deepEqual(periods.map((p: any) => [p.license, p.commit]), [['any', 'a'], ['gpl', 'b']]);
  });
});

describe('range ends in the URL', () => {
  const DAY = 864e5;
  test('are days for a month or more, rounded to the nearest day', () => {
    assert.equal(axis.formatRangeEnd(Date.UTC(2019, 1, 9, 23, 0), 60 * DAY), '2019-02-10');
    assert.equal(axis.formatRangeEnd(Date.UTC(2019, 1, 10, 0, 0) - 1e-6, 60 * DAY), '2019-02-10');
  });
  test('are minutes for shorter ranges', () => {
    assert.equal(axis.formatRangeEnd(Date.UTC(2019, 1, 10, 16, 0, 31), 3 * DAY), '2019-02-10T16:01Z');
  });
  test('read back to the time they name', () => {
    for (const text of ['2019-02-10', '2019-02-10T16:01Z']) assert.equal(axis.formatRangeEnd(axis.parseRangeEnd(text), text.length === 10 ? 60 * DAY : DAY), text);
  });
  test('are NaN when the URL holds something else', () => {
    for (const text of [null, '', 'yesterday', '2019-2-10', '2019-02-10T16:01']) assert.ok(Number.isNaN(axis.parseRangeEnd(text)));
  });
});
