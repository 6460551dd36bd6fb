// Reads a `--groups FILE` option: the user's subsystem groups, validated.
import { readFileSync } from 'node:fs';
import { BadInput } from '../errors.js';
import { loadGroups, type SubsystemGroup } from '../subsystems/loadGroups.js';

export function readGroupsOption(file: string | undefined): SubsystemGroup[] | undefined {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new BadInput('groups file', file, 'cannot be read; give a JSON file shaped like data/subsystems.json');
  }
  return loadGroups(text, file);
}
