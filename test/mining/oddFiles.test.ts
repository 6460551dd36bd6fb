// Files a real tree can hold: a 50 MB source file, binary bytes, Latin-1 text, a 10,000-line
// MAINTAINERS with odd lines. The mine handles them all and finds the exports in them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isolateGit } from '../helpers/isolateGit.js';

after(isolateGit());
const { RepoBuilder } = await import('../helpers/RepoBuilder.js');
const { runCli } = await import('../helpers/runCli.js');

test('a 50 MB file, binary bytes, Latin-1 text and a huge MAINTAINERS are mined without trouble', async () => {
  const repo = RepoBuilder.create();
  const dir = mkdtempSync(join(tmpdir(), 'ksymtrail-odd-'));
  try {
    const line = '/* filler filler filler filler filler filler filler filler filler filler */\n';
    const huge = `${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}int big_one;\nEXPORT_SYMBOL_GPL(big_one);\n`;
    const binary = Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 0]), Buffer.from('\nEXPORT_SYMBOL(in_binary);\n'), Buffer.from([0, 0x80, 0x81])]);
    const latin1 = Buffer.from('/* Copyright (C) 2003 J\xf6rg R\xe9my */\nEXPORT_SYMBOL(latin_one);\n', 'latin1');
    const entries = Array.from({ length: 2000 }, (_, i) => `DRIVER ${i}\nM:\tSomeone <s${i}@example.org>\nS:\tMaintained\nF:\tdrivers/d${i}/\n`);
    const maintainers = `${entries.join('\n')}\nthis line is odd\n\tand so is this\nBIG FILES\nM:\tBig <big@example.org>\nF:\tdrivers/big/\n`;
    repo.commit('c1', { date: '2004-06-01 10:00:00 +0000', files: {
      'drivers/big/huge.c': huge, 'drivers/big/blob.c': binary, 'drivers/big/latin.c': latin1, MAINTAINERS: maintainers,
    } });
    const db = join(dir, 'k.db');
    const mined = await runCli('mine', repo.dir, '--db', db, '--quiet');
    assert.equal(mined.status, 0, mined.stderr.join('\n'));
    const events = (await runCli('events', '--db', db, '--json')).stdout.map((l) => JSON.parse(l) as { symbol: string; kind: string; line: number });
    assert.deepEqual(events.map((e) => `${e.kind} ${e.symbol}`).sort(), ['added big_one', 'added in_binary', 'added latin_one']);
    assert.equal(events.find((e) => e.symbol === 'big_one')!.line, huge.split('\n').length - 1);
    const subsystems = JSON.parse((await runCli('subsystems', '--db', db, '--json')).stdout.join('\n')) as { name: string; exports: number }[];
    assert.deepEqual(subsystems.map((s) => [s.name, s.exports]), [['BIG FILES', 3]]);
  } finally {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
