// The GPL-only share per release as a standalone SVG line chart (no script, no external resources).
import { escapeXml } from './escapeXml.js';

export function shareChartSvg(shares: readonly { release: string; gplShare: number }[], title: string): string {
  const width = 720;
  const height = 260;
  const left = 48;
  const bottom = 70;
  const top = 28;
  const plotW = width - left - 48; // room for the last release's slanted label
  const plotH = height - top - bottom;
  const max = Math.max(0.05, ...shares.map((s) => s.gplShare));
  const ceiling = Math.min(1, Math.ceil(max * 10) / 10);
  const x = (i: number): number => left + (shares.length <= 1 ? plotW / 2 : (i * plotW) / (shares.length - 1));
  const y = (share: number): number => top + plotH - (share / ceiling) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * ceiling);
  const every = Math.max(1, Math.ceil(shares.length / 24));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${left}" y="16" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    ...ticks.map((t) => `<line x1="${left}" x2="${left + plotW}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/><text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${(t * 100).toFixed(ceiling < 0.2 ? 1 : 0)}%</text>`),
    shares.length > 0 ? `<polyline fill="none" stroke="#b3261e" stroke-width="2" points="${shares.map((s, i) => `${x(i).toFixed(1)},${y(s.gplShare).toFixed(1)}`).join(' ')}"/>` : '',
    ...shares.map((s, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(s.gplShare).toFixed(1)}" r="2.5" fill="#b3261e"><title>${escapeXml(`${s.release}: ${(s.gplShare * 100).toFixed(1)}% GPL-only`)}</title></circle>`),
    ...shares.map((s, i) => (i % every === 0 || i === shares.length - 1
      ? `<text transform="translate(${x(i).toFixed(1)},${top + plotH + 10}) rotate(45)" font-size="10">${escapeXml(s.release)}</text>` : '')),
    shares.length === 0 ? `<text x="${left + plotW / 2}" y="${top + plotH / 2}" text-anchor="middle">no release in this range</text>` : '',
    '</svg>',
  ];
  return parts.filter((p) => p !== '').join('\n');
}
