// `ksymtrail cite SYMBOL [--event N | --kind KIND]`: e-mail-ready citations of a symbol's events in
// the kernel's style; by default its license changes (or, if it never had one, the commit that added it).
import type { Command } from 'commander';
import { BadInput, NotFound } from '../../errors.js';
import { EVENT_KINDS, type EventKind } from '../../model.js';
import { citationOf } from '../../reports/citationOf.js';
import { nearestSymbols, symbolDetail } from '../../queries/symbolDetail.js';
import { openStore } from '../../storage/openStore.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import type { Output } from '../Output.js';
import { parseCount } from '../parseCount.js';

export function registerCite(program: Command, out: Output): void {
  program
    .command('cite')
    .description("kernel-style citations of a symbol's events, ready for a mail (default: its license changes)")
    .argument('<symbol>', 'the exported symbol')
    .option('--event <n>', 'the Nth event, as numbered by ksymtrail show', parseCount)
    .option('--kind <kind>', `every event of this kind: ${EVENT_KINDS.join(', ')}`)
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .action((symbol: string, options: { event?: number; kind?: string; db: string }) => {
      if (options.kind !== undefined && !EVENT_KINDS.includes(options.kind as EventKind)) {
        throw new BadInput('--kind', options.kind, `must be one of ${EVENT_KINDS.join(', ')}`);
      }
      const db = openStore(options.db, { readonly: true });
      try {
        const detail = symbolDetail(db, symbol);
        if (!detail) throw new NotFound('symbol', symbol, nearestSymbols(db, symbol));
        const events = detail.events;
        let chosen;
        if (options.event !== undefined) {
          if (options.event > events.length) throw new BadInput('--event', String(options.event), `${symbol} has ${events.length} events (see ksymtrail show ${symbol})`);
          chosen = [events[options.event - 1]!];
        } else if (options.kind !== undefined) {
          chosen = events.filter((e) => e.kind === options.kind);
          if (chosen.length === 0) throw new BadInput('--kind', options.kind, `${symbol} has no such event (see ksymtrail show ${symbol})`);
        } else {
          chosen = events.filter((e) => e.kind === 'tightened' || e.kind === 'loosened');
          if (chosen.length === 0) chosen = events.filter((e) => e.kind === 'added').slice(0, 1);
        }
        out.stdout(chosen.map(citationOf).join('\n').trimEnd());
      } finally {
        db.close();
      }
    });
}
