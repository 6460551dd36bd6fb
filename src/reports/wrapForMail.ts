// Wraps plain text at the 72 columns of kernel mail and commit message bodies, without ever
// splitting a word, a URL or a `Link:` trailer.

/** The width of a line in kernel mail, as `git format-patch` bodies and most mail clients expect. */
export const MAIL_WIDTH = 72;

export interface WrapOptions {
  /** Columns per line; 72 unless told. */
  width?: number;
  /** Put before each continuation line, so a wrapped `Key: value` line reads as one item. */
  indent?: string;
}

/**
 * Wraps each line of `text` on spaces so that it fits in `width` columns, counting code points.
 * A line that fits is returned untouched; a longer one is rebuilt from its words, so its runs of
 * spaces (leading ones included) become single spaces. A word longer than the width (a URL, a long path) stays whole on a line of its own, and a
 * line that starts with `Link:` is never wrapped: tools and readers take a trailer's value to the end
 * of its line, and the kernel exempts tags from the width rule (submitting-patches.rst).
 *
 * @example
 * wrapForMail('Moved: EXPORT_SYMBOL_GPL for a_rather_long_symbol_name from drivers/a/b.c to drivers/c/d.c', { indent: '  ' })
 * // → 'Moved: EXPORT_SYMBOL_GPL for a_rather_long_symbol_name from\n  drivers/a/b.c to drivers/c/d.c'
 */
export function wrapForMail(text: string, { width = MAIL_WIDTH, indent = '' }: WrapOptions = {}): string {
  return text.split('\n').map((line) => wrapLine(line, width, indent)).join('\n');
}

function wrapLine(line: string, width: number, indent: string): string {
  if (columns(line) <= width || line.startsWith('Link:')) return line;
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (word === '') continue;
    if (current === '') current = (lines.length === 0 ? '' : indent) + word;
    else if (columns(current) + 1 + columns(word) <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = indent + word;
    }
  }
  if (current !== '') lines.push(current);
  return lines.join('\n');
}

/** Code points, not UTF-16 units: an accented author name takes as many columns as it has letters. */
function columns(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
