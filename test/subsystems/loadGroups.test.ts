// loadGroups: a named-groups file read and validated, with a one-line coded error for anything wrong.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BadGroupsFile } from '../../src/errors.js';
import { loadGroups } from '../../src/subsystems/loadGroups.js';

const COMMITTED = new URL('../../../data/subsystems.json', import.meta.url);

test('loads the committed data/subsystems.json with its VFIO and HMM groups', () => {
  const groups = loadGroups(readFileSync(COMMITTED, 'utf8'), 'data/subsystems.json');
  const byName = new Map(groups.map((g) => [g.name, g]));
  assert.deepEqual(byName.get('VFIO')?.titles, ['VFIO*']);
  assert.ok(byName.get('VFIO')?.files.includes('drivers/vfio/'));
  assert.ok(byName.get('VFIO')?.files.includes('include/linux/vfio*.h'));
  assert.deepEqual(byName.get('HMM')?.files, ['mm/hmm*', 'include/linux/hmm*', 'lib/test_hmm*']);
});

test('fills in the optional fields', () => {
  assert.deepEqual(loadGroups('{ "groups": [{ "name": "HMM", "files": ["mm/hmm*"] }] }', 'hmm.json'), [
    { name: 'HMM', description: null, titles: [], files: ['mm/hmm*'] },
  ]);
});

test('reads a file saved with a byte-order mark, and names that are not ASCII', () => {
  const [group] = loadGroups('\uFEFF{ "groups": [{ "name": "Mémoire hétérogène", "titles": ["HMM - *"] }] }', 'hmm.json');
  assert.equal(group?.name, 'Mémoire hétérogène');
});

test('accepts an empty list of groups', () => {
  assert.deepEqual(loadGroups('{ "groups": [] }', 'none.json'), []);
});

const BAD: Array<{ behaviour: string; text: string; field: string; problem: RegExp }> = [
  { behaviour: 'refuses text that is not JSON', text: '{ "groups": [ }', field: '', problem: /^not valid JSON \(/ },
  { behaviour: 'refuses an empty file', text: '', field: '', problem: /^not valid JSON/ },
  { behaviour: 'refuses JSON that is not an object', text: '[]', field: '', problem: /must be an object/ },
  { behaviour: 'refuses a file without groups', text: '{}', field: 'groups', problem: /must be an array/ },
  { behaviour: 'refuses an unknown top-level field', text: '{ "groups": [], "grups": [] }', field: 'grups', problem: /unknown field/ },
  { behaviour: 'refuses a comment that is not a string', text: '{ "comment": 1, "groups": [] }', field: 'comment', problem: /must be a string/ },
  { behaviour: 'refuses a group that is not an object', text: '{ "groups": ["VFIO"] }', field: 'groups[0]', problem: /must be an object/ },
  { behaviour: 'refuses a group without a name', text: '{ "groups": [{ "files": ["mm/"] }] }', field: 'groups[0].name', problem: /non-empty name/ },
  { behaviour: 'refuses a blank name', text: '{ "groups": [{ "name": "  ", "files": ["mm/"] }] }', field: 'groups[0].name', problem: /non-empty name/ },
  { behaviour: 'refuses a name with a line break', text: '{ "groups": [{ "name": "A\\nB", "files": ["mm/"] }] }', field: 'groups[0].name', problem: /control characters/ },
  { behaviour: 'refuses two groups of the same name, whatever the case', text: '{ "groups": [{ "name": "HMM", "files": ["mm/"] }, { "name": "hmm", "files": ["lib/"] }] }', field: 'groups[1].name', problem: /names two groups/ },
  { behaviour: 'refuses a misspelt group field', text: '{ "groups": [{ "name": "HMM", "file": ["mm/hmm*"] }] }', field: 'groups[0].file', problem: /unknown field \(allowed: name, description, titles, files\)/ },
  { behaviour: 'refuses a group with neither titles nor files', text: '{ "groups": [{ "name": "HMM", "files": [] }] }', field: 'groups[0]', problem: /needs "titles" or "files"/ },
  { behaviour: 'refuses files that are not a list', text: '{ "groups": [{ "name": "HMM", "files": "mm/hmm*" }] }', field: 'groups[0].files', problem: /array of strings/ },
  { behaviour: 'refuses an empty pattern', text: '{ "groups": [{ "name": "HMM", "files": ["mm/hmm*", ""] }] }', field: 'groups[0].files[1]', problem: /non-empty string/ },
  { behaviour: 'refuses a title that is not a string', text: '{ "groups": [{ "name": "VFIO", "titles": [42] }] }', field: 'groups[0].titles[0]', problem: /non-empty string/ },
  { behaviour: 'refuses a pattern that does not compile', text: '{ "groups": [{ "name": "VFIO", "files": ["drivers/vfio[/"] }] }', field: 'groups[0].files[0]', problem: /"drivers\/vfio\[\/" is not a valid F: pattern/ },
  { behaviour: 'refuses a description that is not a string', text: '{ "groups": [{ "name": "VFIO", "description": ["x"], "titles": ["VFIO*"] }] }', field: 'groups[0].description', problem: /must be a string/ },
];

for (const { behaviour, text, field, problem } of BAD) {
  test(behaviour, () => {
    assert.throws(() => loadGroups(text, 'my-groups.json'), (error: unknown) => {
      assert.ok(error instanceof BadGroupsFile);
      assert.equal(error.code, 'BadGroupsFile');
      assert.equal(error.data.source, 'my-groups.json');
      assert.equal(error.data.field, field);
      assert.match(error.data.problem, problem);
      assert.ok(error.message.startsWith('groups file my-groups.json: '), error.message);
      assert.ok(!error.message.includes('\n'), 'the message is one line');
      return true;
    });
  });
}
