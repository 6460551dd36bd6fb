// `ksymtrail report RANGE [--subsystem NAME]... [--format md|html|csv|json] [--out FILE]`: what
// happened to exports between two releases or dates, for a summit or a mailing-list thread.
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { BadInput } from '../../errors.js';
import { buildReport } from '../../reports/buildReport.js';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../../reports/renderReport.js';
import { openStore } from '../../storage/openStore.js';
import { DEFAULT_DB } from '../defaultDatabase.js';
import type { Output } from '../Output.js';

interface Options { subsystem: string[]; format: string; out?: string; db: string }

export function registerReport(program: Command, out: Output): void {
  program
    .command('report')
    .description('a report of a range (v2.6.0..v2.6.12-rc1, or 2004-01-01..2004-12-31): exports by license, changes per subsystem, citations, who')
    .argument('<range>', 'FROM..TO, each a release tag or a date YYYY-MM-DD')
    .option('--subsystem <name>', 'only this subsystem (repeatable)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file (the md chart goes beside it as FILE.svg) instead of stdout')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .action((range: string, options: Options) => {
      if (!REPORT_FORMATS.includes(options.format as ReportFormat)) throw new BadInput('--format', options.format, `must be one of ${REPORT_FORMATS.join(', ')}`);
      const db = openStore(options.db, { readonly: true });
      let data;
      try {
        data = buildReport(db, range, options.subsystem);
      } finally {
        db.close();
      }
      const chartName = options.out ? `${basename(options.out, extname(options.out))}.svg` : null;
      const rendered = renderReport(data, options.format as ReportFormat, chartName);
      if (!options.out) {
        out.stdout(rendered.text.trimEnd());
        return;
      }
      try {
        writeFileSync(options.out, rendered.text);
        for (const [name, text] of rendered.extra) writeFileSync(join(dirname(options.out), name), text);
      } catch (error) {
        throw new BadInput('--out', options.out, `cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); give a writable path`);
      }
      out.stderr(`ksymtrail: wrote ${options.out}${rendered.extra.size > 0 ? ` and ${[...rendered.extra.keys()].join(', ')} beside it` : ''}`);
    });
}
