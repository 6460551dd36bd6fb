// The 1-based line of a snippet on which a marker text first occurs: expected line numbers are read off
// the input itself, never off the parser's output.

export function lineOf(text: string, marker: string): number {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${JSON.stringify(marker)} is not in the snippet`);
  return text.slice(0, at).split('\n').length;
}
