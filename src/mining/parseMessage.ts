// A commit message's subject and trailers (`Signed-off-by:`, `Link:`, ...), from decoded text.

export interface ParsedMessage {
  subject: string;
  /** [key, value] in message order, from the last paragraph that consists of trailers. */
  trailers: [string, string][];
}

const TRAILER = /^([A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]):[ \t]+(.*\S)\s*$/;

/**
 * @example
 * parseMessage('vfio: export vfio_pin_pages\n\nBody.\n\nSigned-off-by: A <a@b>\nLink: https://lore.kernel.org/r/1\n')
 * // → { subject: 'vfio: export vfio_pin_pages', trailers: [['Signed-off-by', 'A <a@b>'], ['Link', 'https://lore.kernel.org/r/1']] }
 */
export function parseMessage(message: string): ParsedMessage {
  const text = message.replace(/\r\n?/g, '\n');
  const paragraphs = text.trim().split(/\n[ \t]*\n/);
  // As git's %s: the whole first paragraph, its lines joined by spaces.
  const subject = (paragraphs[0] ?? '').split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
  const trailers: [string, string][] = [];
  // The trailer block is the last paragraph (not the subject's), read as git's interpret-trailers
  // does: all of it trailers (and continuation lines), or at least a quarter of it with a
  // Signed-off-by among them; other lines in it (`[akpm: cleanups]`, `(cherry picked from ...)`) are skipped.
  if (paragraphs.length > 1) {
    const block = paragraphs.at(-1)!.split('\n');
    const parsed = block.map((line) => TRAILER.exec(line));
    const count = parsed.filter((m) => m !== null).length;
    const continuations = block.filter((line, i) => !parsed[i] && /^[ \t]/.test(line)).length;
    const signedOff = parsed.some((m) => m?.[1]!.toLowerCase() === 'signed-off-by');
    if (count > 0 && (count + continuations === block.length || (signedOff && count * 4 >= block.length))) {
      for (let i = 0; i < block.length; i++) {
        const m = parsed[i];
        if (m) trailers.push([m[1]!, m[2]!]);
        else if (trailers.length > 0 && /^[ \t]/.test(block[i]!)) trailers.at(-1)![1] += ` ${block[i]!.trim()}`;
      }
    }
  }
  return { subject, trailers };
}
