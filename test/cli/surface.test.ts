// The public surface as a surface: the commands --help lists, and the README's two commands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { main } from '../../src/cli/main.js';

const ROOT = new URL('../../../', import.meta.url);

function capture(): { out: { stdout: (l: string) => void; stderr: (l: string) => void }; text: () => string } {
  const lines: string[] = [];
  return { out: { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) }, text: () => lines.join('\n') };
}

test('--help lists every command', async () => {
  const { out, text } = capture();
  assert.equal(await main(['--help'], out), 0);
  for (const command of ['start', 'scan', 'mine', 'events', 'show', 'cite', 'check-imports', 'subsystems', 'report', 'serve']) {
    assert.match(text(), new RegExp(`^\\s+${command}\\b`, 'm'));
  }
});

test('the server listens on loopback unless --host says otherwise', async () => {
  for (const command of ['serve', 'start']) {
    const { out, text } = capture();
    assert.equal(await main([command, '--help'], out), 0);
    assert.match(text(), /--host <host>\s+the address to (listen|serve) on \(default: "127\.0\.0\.1"\)/, command);
  }
});

test('an unknown command is a one-line error with status 2', async () => {
  const { out, text } = capture();
  assert.equal(await main(['frobnicate'], out), 2);
  assert.match(text(), /unknown command 'frobnicate'/);
  assert.doesNotMatch(text(), /\n\s+at /);
});

test('the README starts with the two commands, and CI runs the second one verbatim', () => {
  const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
  const block = /^```sh\n([\s\S]*?)```/m.exec(readme)?.[1] ?? '';
  const commands = block.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/\s+#.*$/, '').trim());
  assert.deepEqual(commands, ['npm install && npm start', 'npm install && npm test']);
  const ci = readFileSync(new URL('.ci/run', ROOT), 'utf8');
  assert.ok(ci.split('\n').includes(commands[1]!), '.ci/run runs the README test command');
});
