// `ksymtrail events [--db FILE] [--symbol S] [--json]`: the recorded events, oldest first.
import type { Command } from 'commander';
import { eventsTable } from '../../storage/eventsTable.js';
import { openStore } from '../../storage/openStore.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import { formatTable } from '../formatTable.js';
import type { Output } from '../Output.js';

export function registerEvents(program: Command, out: Output): void {
  program
    .command('events')
    .description('list the recorded export events, oldest first')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--symbol <symbol>', 'only the events of this symbol')
    .option('--json', 'one JSON object per line')
    .action((options: { db: string; symbol?: string; json?: boolean }) => {
      const db = openStore(options.db, { readonly: true });
      try {
        const rows = eventsTable(db).list({ symbol: options.symbol });
        if (options.json) {
          for (const row of rows) out.stdout(JSON.stringify(row));
          return;
        }
        const table = [...rows].map((e) => [
          e.author_date.slice(0, 10), e.commit.slice(0, 12), e.kind + (e.merge ? ` (${e.merge} merge)` : ''), e.symbol,
          e.kind === 'moved' ? `${e.from_path} -> ${e.path}` : e.path, `${e.before_macro ?? '-'} -> ${e.after_macro ?? '-'}`,
          e.release ?? '-', e.subject,
        ]);
        out.stdout(formatTable(['DATE', 'COMMIT', 'KIND', 'SYMBOL', 'PATH', 'MACRO', 'RELEASE', 'SUBJECT'], table));
      } finally {
        db.close();
      }
    });
}
