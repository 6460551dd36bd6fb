// A range report in one of four formats: Markdown (its chart as an SVG file beside it), one
// self-contained printable HTML file, CSV (one row per event) and JSON (everything).
import { stringify } from 'csv-stringify/sync';
import type { ReportData } from './buildReport.js';
import { escapeXml } from './escapeXml.js';
import { shareChartSvg } from './shareChartSvg.js';

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  text: string;
  /** Files to write beside the report (the Markdown's chart), by name. */
  extra: Map<string, string>;
}

/** `chartName`: the file the Markdown's chart goes to; null (Markdown to stdout) gives its figures as a table only. */
export function renderReport(data: ReportData, format: ReportFormat, chartName: string | null = 'report.svg'): RenderedReport {
  const chart = shareChartSvg(data.shares, `GPL-only share of exported symbols per release${scope(data)}`);
  switch (format) {
    case 'json': return { text: JSON.stringify({ ...data, chart }, null, 2), extra: new Map() };
    case 'csv': return { text: csv(data), extra: new Map() };
    case 'md': return { text: markdown(data, chartName), extra: chartName === null ? new Map() : new Map([[chartName, chart]]) };
    case 'html': return { text: html(data, chart), extra: new Map() };
  }
}

const scope = (d: ReportData): string => (d.subsystems.length > 0 ? ` (${d.subsystems.join(', ')})` : '');
const end = (e: ReportData['from']): string => (e.release === null ? `${e.given} (no release before it)` : e.release === e.given ? e.given : `${e.given} (exports as of ${e.release})`);
const pct = (part: number, whole: number): string => (whole === 0 ? '-' : `${((part / whole) * 100).toFixed(1)} %`);

function sections(d: ReportData): { title: string; head: string[]; rows: string[][] }[] {
  const total = (c: ReportData['exports']['from']): number => c.any + c.gpl + c.mixed;
  return [
    { title: 'Exported symbols at both ends', head: ['end', 'release', 'any', 'GPL-only', 'mixed', 'GPL-only share'], rows: [
      ['from', end(d.from), ...counts(d.exports.from), pct(d.exports.from.gpl, total(d.exports.from))],
      ['to', end(d.to), ...counts(d.exports.to), pct(d.exports.to.gpl, total(d.exports.to))],
    ] },
    { title: 'Changes in the range (tightened and loosened: switches of a symbol\'s license over the whole tree)', head: ['subsystem', 'added', 'removed', 'tightened', 'loosened', 'moved', 'other'],
      rows: d.counts.map((c) => [c.subsystem, ...[c.added, c.removed, c.tightened, c.loosened, c.moved, c.other].map(String)]) },
    { title: 'Switches by author', head: ['name', 'e-mail', 'authored', 'committed'],
      rows: d.authors.map((a) => [a.name, a.email, String(a.authored), String(a.committed)]) },
    { title: 'Switches by e-mail domain', head: ['domain', 'authored', 'committed'],
      rows: d.domains.map((a) => [a.domain, String(a.authored), String(a.committed)]) },
  ];
}

const counts = (c: ReportData['exports']['from']): string[] => [String(c.any), String(c.gpl), String(c.mixed)];

function markdown(d: ReportData, chartName: string | null): string {
  const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
  const out = [`# Export licensing report: ${cell(d.from.given)}..${cell(d.to.given)}${cell(scope(d))}`, ''];
  for (const s of sections(d)) {
    out.push(`## ${s.title}`, '', `| ${s.head.join(' | ')} |`, `|${s.head.map(() => ' --- |').join('')}`);
    out.push(...(s.rows.length > 0 ? s.rows.map((r) => `| ${r.map(cell).join(' | ')} |`) : [`| ${s.head.map(() => '-').join(' | ')} |`]), '');
  }
  out.push('## GPL-only share per release', '');
  if (chartName !== null) out.push(`![GPL-only share per release](${chartName})`, '');
  out.push('| release | exported symbols | GPL-only share |', '| --- | --- | --- |',
    ...d.shares.map((r) => `| ${cell(r.release)} | ${r.total} | ${(r.gplShare * 100).toFixed(1)} % |`), '');
  out.push(`## Every license change, file by file (${d.changes.length})`, '');
  for (const c of d.changes) {
    // A fence longer than any run of backticks in the text, so a subject cannot close it.
    const fence = '`'.repeat(Math.max(3, ...[...c.citation.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    out.push(`${fence}text`, c.citation.trimEnd(), fence, '');
  }
  return out.join('\n');
}

function html(d: ReportData, chart: string): string {
  const table = (s: ReturnType<typeof sections>[number]): string => `<h2>${escapeXml(s.title)}</h2>
<table><thead><tr>${s.head.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr></thead>
<tbody>${s.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
  const title = `Export licensing report: ${d.from.given}..${d.to.given}${scope(d)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #1b1b1b; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: 0.6em; white-space: pre-wrap; break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
</style></head><body>
<h1>${escapeXml(title)}</h1>
${sections(d).map(table).join('\n')}
<h2>GPL-only share per release</h2>
${chart.replace(/^<svg /, '<svg role="img" ')}
<h2>Every license change, file by file (${d.changes.length})</h2>
${d.changes.map((c) => `<pre>${escapeXml(c.citation.trimEnd())}</pre>`).join('\n')}
</body></html>
`;
}

function csv(d: ReportData): string {
  return stringify(d.events.map((e) => ({
    commit: e.commit, author_name: e.author_name, author_email: e.author_email, author_date: e.author_date,
    committer_name: e.committer_name, committer_email: e.committer_email, committer_date: e.committer_date,
    subject: e.subject, release: e.release ?? '', symbol: e.symbol, path: e.path, from_path: e.from_path ?? '',
    kind: e.kind, merge: e.merge ?? '', before_macro: e.before_macro ?? '', after_macro: e.after_macro ?? '',
    before_namespace: e.before_namespace ?? '', after_namespace: e.after_namespace ?? '',
  })), { header: true });
}
