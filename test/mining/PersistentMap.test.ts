// The persistent map behind every commit's tree state: values, sharing and diffs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PersistentMap } from '../../src/mining/PersistentMap.js';

test('a persistent map agrees with a plain Map through random sets and deletes', () => {
  let map = PersistentMap.empty<number>();
  const reference = new Map<string, number>();
  let seed = 7;
  const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let i = 0; i < 20000; i++) {
    const key = `drivers/x/file${random(3000)}.c`;
    if (random(4) === 0) {
      map = map.delete(key);
      reference.delete(key);
    } else {
      map = map.set(key, i);
      reference.set(key, i);
    }
  }
  assert.equal(map.size, reference.size);
  for (const [key, value] of reference) assert.equal(map.get(key), value);
  assert.deepEqual(new Map(map.entries()), reference);
  const visited = new Map<string, number>();
  map.forEach((value, key) => {
    assert.ok(!visited.has(key), `forEach visits ${key} once`);
    visited.set(key, value);
  });
  assert.deepEqual(visited, reference);
});

test('setting a key leaves the older map unchanged', () => {
  const before = PersistentMap.from([['a.c', 1], ['b.c', 2]]);
  const after = before.set('a.c', 3).delete('b.c');
  assert.equal(before.get('a.c'), 1);
  assert.equal(before.get('b.c'), 2);
  assert.equal(after.get('a.c'), 3);
  assert.equal(after.has('b.c'), false);
});

test('setting a key to the value it has returns the same map', () => {
  const value = { exports: 1 };
  const map = PersistentMap.from([['kernel/module.c', value]]);
  assert.equal(map.set('kernel/module.c', value), map);
  assert.equal(map.delete('not/there.c'), map);
});

test('diff reports exactly the keys whose values differ, in both directions', () => {
  const base = PersistentMap.from(Array.from({ length: 5000 }, (_, i) => [`f${i}.c`, i] as const));
  const changed = base.set('f10.c', -1).delete('f20.c').set('new.c', 99);
  const seen: [string, number | undefined, number | undefined][] = [];
  changed.diff(base, (key, mine, theirs) => seen.push([key, mine, theirs]));
  seen.sort((a, b) => a[0].localeCompare(b[0]));
  assert.deepEqual(seen, [['f10.c', -1, 10], ['f20.c', undefined, 20], ['new.c', 99, undefined]]);
});

test('diff of maps built separately with equal contents reports nothing', () => {
  const entries = Array.from({ length: 300 }, (_, i) => [`p${i}`, i] as const);
  const a = PersistentMap.from(entries);
  const b = PersistentMap.from([...entries].reverse());
  let differences = 0;
  a.diff(b, () => differences++);
  assert.equal(differences, 0);
});
