// `ksymtrail scan TARGET [--repo REPO] [--json]`: the exports of one tree, from a directory or a commit.
import type { Command } from 'commander';
import type { Export } from '../../model.js';
import { scanTree } from '../../snapshot/scanTree.js';
import { treeFromCommit } from '../../snapshot/treeFromCommit.js';
import { treeFromDirectory } from '../../snapshot/treeFromDirectory.js';
import { formatTable } from '../formatTable.js';
import type { Output } from '../Output.js';

interface ScanOptions {
  repo?: string;
  json?: boolean;
  unknown?: boolean;
  templates?: boolean;
}

export function registerScan(program: Command, out: Output): void {
  program
    .command('scan')
    .description('list the exports of a tree: a directory, or a commit or tag of --repo (read without checkout)')
    .argument('<target>', 'a directory, or a commit/tag when --repo is given')
    .option('--repo <repo>', 'read TARGET as a rev of this git repository')
    .option('--json', 'one JSON object per line')
    .option('--unknown', 'list the export-like invocations no macro explains, instead of the exports')
    .option('--templates', 'list the macros that export their arguments, instead of the exports')
    .action(async (target: string, options: ScanOptions) => {
      const started = performance.now();
      const files = options.repo ? treeFromCommit(options.repo, target) : treeFromDirectory(target);
      const snapshot = await scanTree(files);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const rows: object[] = options.unknown ? snapshot.unknown : options.templates ? snapshot.templates : snapshot.exports;
      if (options.json) {
        for (const row of rows) out.stdout(JSON.stringify(row));
      } else if (options.unknown || options.templates) {
        for (const row of rows as { path: string; line: number }[]) out.stdout(`${row.path}:${row.line}\t${JSON.stringify(row)}`);
      } else {
        out.stdout(exportTable(snapshot.exports));
      }
      out.stderr(
        `${snapshot.exports.length} exports, ${snapshot.templates.length} templates, ${snapshot.unknown.length} unknown ` +
          `invocations in ${snapshot.filesParsed} files parsed, ${seconds} s`,
      );
    });
}

function exportTable(exports: Export[]): string {
  return formatTable(
    ['SYMBOL', 'LICENSE', 'MACRO', 'NAMESPACE', 'WHERE'],
    exports.map((e) => [e.symbol, e.license, e.macro, e.namespace ?? '-', `${e.path}:${e.line}`]),
  );
}
