// Names a filter may use must exist: an unknown subsystem or symbol is a 404, not an empty list
// that reads as "nothing happened".
import { NotFound } from '../errors.js';
import { nearestSymbols } from '../queries/symbolDetail.js';
import type { Db } from '../storage/openStore.js';
import { prepared } from '../storage/prepared.js';

export function knownSubsystem(db: Db, name: string | undefined): string | undefined {
  if (name !== undefined && prepared(db, 'SELECT 1 FROM subsystems WHERE name = ?').get(name) === undefined) throw new NotFound('subsystem', name);
  return name;
}

export function knownSymbol(db: Db, name: string | undefined): string | undefined {
  if (name !== undefined && prepared(db, 'SELECT 1 FROM symbols WHERE symbol = ?').get(name) === undefined) throw new NotFound('symbol', name, nearestSymbols(db, name));
  return name;
}
