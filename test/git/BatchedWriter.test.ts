// Lines written in one turn reach the stream in one write, in order; flush sends what waits at once.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { BatchedWriter } from '../../src/git/BatchedWriter.js';

function recorder() {
  const writes: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (writes.push(chunk.toString()), done()) });
  return { stream, writes };
}

test('lines written in one turn are one write, in order; the next turn starts another', async () => {
  const { stream, writes } = recorder();
  const writer = new BatchedWriter(stream);
  writer.write('a\n');
  writer.write('b\n');
  assert.deepEqual(writes, [], 'nothing is written before the turn ends');
  await Promise.resolve();
  writer.write('c\n');
  await new Promise(setImmediate);
  assert.deepEqual(writes, ['a\nb\n', 'c\n']);
});

test('flush writes what is waiting at once, and the turn then writes nothing more', async () => {
  const { stream, writes } = recorder();
  const writer = new BatchedWriter(stream);
  writer.write('x\n');
  writer.flush();
  stream.end();
  await new Promise(setImmediate);
  assert.deepEqual(writes, ['x\n']);
});
