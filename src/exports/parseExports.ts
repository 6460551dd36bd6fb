// The export parser's front door: a file's path and decoded text in, its exports out.
import type { ParseResult } from '../model.js';
import { type ExportContext, STANDALONE } from './ExportContext.js';
import { resolveExports } from './resolveExports.js';
import { scanSource } from './scanSource.js';

/**
 * Finds every export in one source file: invocations of the export macros (and of wrappers the
 * tree defines), not comments, strings, `#if 0` blocks or `#define` bodies.
 *
 * @example
 * parseExports('drivers/vfio/vfio_main.c', 'int vfio_pin_pages(void);\nEXPORT_SYMBOL(vfio_pin_pages);\n')
 * // → { exports: [{ symbol: 'vfio_pin_pages', macro: 'EXPORT_SYMBOL', license: 'any', line: 2, ... }],
 * //     templates: [], unknown: [] }
 */
export function parseExports(path: string, text: string, context: ExportContext = STANDALONE): ParseResult {
  const extra = context.wrappers.size > 0 ? new Set(context.wrappers.keys()) : undefined;
  return resolveExports(path, scanSource(text, extra), context);
}
