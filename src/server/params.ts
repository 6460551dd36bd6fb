// Validation of query and path parameters: each returns a clean value or throws BadInput (a 400).
import { BadInput } from '../errors.js';
import { EVENT_KINDS, type EventKind, type TreeLicense } from '../model.js';
import type { RangeEnd } from '../queries/listEvents.js';

export const MAX_LIMIT = 500;
const MAX_TEXT = 256;
const LICENSES: readonly TreeLicense[] = ['any', 'gpl', 'mixed', 'none'];

type Query = Record<string, unknown>;

/** An optional text parameter: one value, at most 256 characters, no control characters. */
export function text(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadInput(`parameter ${name}`, String(value), 'give it once, as text');
  return checkedText(name, value);
}

export function checkedText(name: string, value: string): string {
  if (value.length > MAX_TEXT) throw new BadInput(`parameter ${name}`, `${value.slice(0, 32)}…`, `is longer than ${MAX_TEXT} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new BadInput(`parameter ${name}`, value, 'contains a control character');
  return value;
}

/** A symbol name as C spells identifiers, with GCC's `$` (PA-RISC's millicode exports `$$divI`). */
export function symbolName(value: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]{0,255}$/.test(value)) throw new BadInput('symbol', value.slice(0, 64), 'is not a C identifier');
  return value;
}

export function count(query: Query, name: string, fallback: number, max: number): number {
  const value = text(query, name);
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new BadInput(`parameter ${name}`, value, `must be a whole number from 0 to ${max}`);
  const n = Number(value);
  if (n > max) throw new BadInput(`parameter ${name}`, value, `must be at most ${max}`);
  return n;
}

export function page(query: Query): { limit: number; offset: number } {
  return { limit: count(query, 'limit', 50, MAX_LIMIT), offset: count(query, 'offset', 0, 1e9) };
}

export function license(query: Query): TreeLicense | undefined {
  const value = text(query, 'license');
  if (value !== undefined && !LICENSES.includes(value as TreeLicense)) throw new BadInput('parameter license', value, `must be one of ${LICENSES.join(', ')}`);
  return value as TreeLicense | undefined;
}

/** `kind=tightened,loosened`. */
export function kinds(query: Query): EventKind[] | undefined {
  const value = text(query, 'kind');
  if (value === undefined) return undefined;
  const list = value.split(',');
  for (const kind of list) if (!EVENT_KINDS.includes(kind as EventKind)) throw new BadInput('parameter kind', kind, `must be among ${EVENT_KINDS.join(', ')}`);
  return list as EventKind[];
}

/** A release tag (`v2.6.11`) or a date (`2004-05-01`, or a full ISO time). */
export function rangeEnd(query: Query, name: 'from' | 'to', releases: ReadonlySet<string>): RangeEnd | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (releases.has(value)) return { release: value };
  if (/^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(value)) {
    const time = Date.parse(value.length === 10 ? `${value}T${name === 'to' ? '23:59:59' : '00:00:00'}Z` : value);
    if (!Number.isNaN(time)) return { time: Math.floor(time / 1000) };
  }
  throw new BadInput(`parameter ${name}`, value, 'must be a release tag of the record (see /api/releases) or a date YYYY-MM-DD');
}
