// `ksymtrail check-imports FILE [--at REV] [--json]`: for each symbol a module imports (a .ko's
// undefined symbols, or a list of names), whether it is exported, under which license and namespace,
// and for GPL-only ones since when. Exit status 1 when any is GPL-only or missing, for use in a build.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { BadInput } from '../../errors.js';
import { readModuleImports } from '../../modules/readModuleImports.js';
import { exportsAt } from '../../queries/exportsAt.js';
import { type GplOnlySince, gplOnlySince } from '../../queries/gplOnlySince.js';
import { treeLicenseOf } from '../../mining/treeLicenseOf.js';
import { openStore } from '../../storage/openStore.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import { formatTable } from '../formatTable.js';
import type { Output } from '../Output.js';

export interface ImportCheck {
  symbol: string;
  exported: boolean;
  license: string;
  namespaces: string[];
  gplOnlySince: GplOnlySince | null;
}

export function registerCheckImports(program: Command, out: Output): void {
  program
    .command('check-imports')
    .description('check the symbols a module imports (a .ko, or a text file of names): exit status 1 if any is GPL-only or missing')
    .argument('<file>', 'a kernel module (.ko) or a text file with one symbol name per line')
    .option('--at <release>', 'check against this release tag instead of the current tip')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--json', 'JSON output')
    .action((file: string, options: { at?: string; db: string; json?: boolean }) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new BadInput('file', file, 'cannot be read; give a .ko module or a text file of symbol names');
      }
      const imports = readModuleImports(bytes, file);
      const db = openStore(options.db, { readonly: true });
      let checks: ImportCheck[];
      try {
        const found = exportsAt(db, imports.symbols, options.at);
        const gplOnly = imports.symbols.filter((symbol) => treeLicenseOf(found.get(symbol)!.map((e) => e.license)) === 'gpl');
        const since = options.at === undefined ? gplOnlySince(db, gplOnly) : new Map<string, null>();
        checks = imports.symbols.map((symbol) => {
          const exports = found.get(symbol)!;
          const license = treeLicenseOf(exports.map((e) => e.license));
          return {
            symbol,
            exported: exports.length > 0,
            license,
            namespaces: [...new Set(exports.map((e) => e.namespace).filter((n): n is string => n !== null))],
            gplOnlySince: since.get(symbol) ?? null,
          };
        });
      } finally {
        db.close();
      }
      if (options.json) out.stdout(JSON.stringify({ file, form: imports.form, at: options.at ?? null, imports: checks }, null, 2));
      else {
        out.stdout(formatTable(['SYMBOL', 'STATUS', 'LICENSE', 'NAMESPACE', 'GPL-ONLY SINCE'], checks.map((c) => [
          c.symbol, c.exported ? 'exported' : 'MISSING', c.exported ? c.license : '-', c.namespaces.join(',') || '-',
          c.gplOnlySince ? `${c.gplOnlySince.commit.slice(0, 12)} ${c.gplOnlySince.date} ${c.gplOnlySince.release ?? '(no release yet)'} ${c.gplOnlySince.author}: ${c.gplOnlySince.subject}` : '-',
        ])));
        const gpl = checks.filter((c) => c.license === 'gpl' || c.license === 'mixed').length;
        const missing = checks.filter((c) => !c.exported).length;
        out.stdout(`${checks.length} imports: ${gpl} GPL-only (or GPL-only in some file), ${missing} missing${options.at ? ` at ${options.at}` : ''}`);
      }
      if (checks.some((c) => !c.exported || c.license === 'gpl' || c.license === 'mixed')) out.setExitStatus?.(1);
    });
}
