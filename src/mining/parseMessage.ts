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
  const lines = message.replace(/\r\n/g, '\n').split('\n');
  const subject = (lines.find((line) => line.trim() !== '') ?? '').trim();
  const paragraphs = message.trim().split(/\n[ \t]*\n/);
  const trailers: [string, string][] = [];
  // The trailer block is the last paragraph, when it is not the subject and its lines are trailers
  // (continuation lines that start with a space belong to the trailer above them).
  if (paragraphs.length > 1) {
    const block = paragraphs.at(-1)!.split('\n');
    const parsed = block.map((line) => TRAILER.exec(line));
    const trailerLines = parsed.filter((m) => m !== null).length;
    const continuations = block.filter((line, i) => !parsed[i] && /^[ \t]/.test(line)).length;
    if (trailerLines > 0 && trailerLines + continuations === block.length) {
      for (let i = 0; i < block.length; i++) {
        const m = parsed[i];
        if (m) trailers.push([m[1]!, m[2]!]);
        else if (trailers.length > 0) trailers.at(-1)![1] += ` ${block[i]!.trim()}`;
      }
    }
  }
  return { subject, trailers };
}
