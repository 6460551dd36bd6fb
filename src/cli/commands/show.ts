// `ksymtrail show SYMBOL [--at REV] [--json]`: a symbol's exports now (or at a release) and every
// event, oldest first, with its commit, subject, author, date and first release.
import type { Command } from 'commander';
import { NotFound } from '../../errors.js';
import { exportsAt } from '../../queries/exportsAt.js';
import { nearestSymbols, symbolDetail } from '../../queries/symbolDetail.js';
import { treeLicenseOf } from '../../mining/treeLicenseOf.js';
import { openStore } from '../../storage/openStore.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import { formatTable } from '../formatTable.js';
import type { Output } from '../Output.js';

export function registerShow(program: Command, out: Output): void {
  program
    .command('show')
    .description("a symbol's exports now (or at a release) and every event that changed them, oldest first")
    .argument('<symbol>', 'the exported symbol')
    .option('--at <release>', 'the exports at this release tag instead of now')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--json', 'JSON output')
    .action((symbol: string, options: { at?: string; db: string; json?: boolean }) => {
      const db = openStore(options.db, { readonly: true });
      try {
        const detail = symbolDetail(db, symbol);
        if (!detail) throw new NotFound('symbol', symbol, nearestSymbols(db, symbol));
        const exports = options.at === undefined ? detail.exports
          : exportsAt(db, [symbol], options.at).get(symbol)!.map((e) => ({ ...e, line: null, subsystems: [] as string[] }));
        const license = options.at === undefined ? detail.license : treeLicenseOf(exports.map((e) => e.license));
        if (options.json) return out.stdout(JSON.stringify({ symbol, at: options.at ?? null, license, exports, events: detail.events }, null, 2));
        out.stdout(`${symbol}: ${LICENSE_WORDS[license]} ${options.at === undefined ? 'now' : `at ${options.at}`}`);
        if (exports.length > 0) {
          out.stdout(formatTable(['PATH', 'MACRO', 'LICENSE', 'NAMESPACE', 'SUBSYSTEMS'], exports.map((e) => [
            e.line === null ? e.path : `${e.path}:${e.line}`, e.macro, e.license, e.namespace ?? '-', e.subsystems.join(', ') || '-',
          ])));
        }
        out.stdout('');
        out.stdout(formatTable(['#', 'DATE', 'COMMIT', 'KIND', 'PATH', 'MACRO', 'RELEASE', 'AUTHOR', 'SUBJECT'], detail.events.map((e, i) => [
          String(i + 1), e.author_date.slice(0, 10), e.commit.slice(0, 12), e.kind + (e.merge ? ` (${e.merge} merge)` : ''),
          e.kind === 'moved' ? `${e.from_path} -> ${e.path}` : e.path, `${e.before_macro ?? '-'} -> ${e.after_macro ?? '-'}`,
          e.release ?? '-', e.author_name, e.subject,
        ])));
      } finally {
        db.close();
      }
    });
}

const LICENSE_WORDS = { any: 'exported to all modules', gpl: 'GPL-only', mixed: 'exported under both licenses (in different files)', none: 'not exported' } as const;
