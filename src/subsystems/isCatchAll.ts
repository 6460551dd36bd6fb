// Whether a MAINTAINERS entry is a catch-all like THE REST rather than a real subsystem.
import type { MaintainersEntry } from './parseMaintainers.js';

/**
 * THE REST claims every path (`F: *` for the files at the top, `*` with a trailing slash for everything
 * below), so that get_maintainer.pl always has someone to name. It matches like any entry, but being
 * "in THE REST" says nothing about where a symbol belongs, so subsystem lists, the parent-directory
 * fallback and "no subsystem" counts leave it out. The test is by those patterns, not by the title: a
 * renamed catch-all is still one, and a THE REST without them (2.4-era files had no F: lines) is inert.
 */
export function isCatchAll(entry: MaintainersEntry): boolean {
  return entry.files.some((f) => f.pattern === '*' || f.pattern === '*/');
}
