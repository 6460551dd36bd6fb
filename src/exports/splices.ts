// C joins a line that ends in a backslash to the next before it looks for tokens, so
// `EXP\<newline>ORT_SYMBOL(x);` is an export. The byte tests that choose which blobs to parse look
// for needles (EXPORT, wrapper names) in the bytes; these functions let them see a needle split that way.

const BACKSLASH = 92;
const CR = 13;
const LF = 10;
const SPLICES = [Buffer.from('\\\n'), Buffer.from('\\\r\n')];

/** Letters, digits, `_`, `$`, and any byte of a multi-byte character (as the Lexer counts them). */
function isIdentifierByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95 || b === 36 || b >= 128;
}

/** Where the backslash-newline at `at` ends, or -1 when none starts there. */
function spliceEnd(bytes: Buffer, at: number): number {
  if (bytes[at] !== BACKSLASH) return -1;
  if (bytes[at + 1] === LF) return at + 2;
  return bytes[at + 1] === CR && bytes[at + 2] === LF ? at + 3 : -1;
}

/** Whether a run of backslash-newlines has identifier bytes on both sides: the Lexer reads the halves as one name. */
export function splitsIdentifier(bytes: Buffer): boolean {
  for (const splice of SPLICES) {
    for (let at = bytes.indexOf(splice); at >= 0; at = bytes.indexOf(splice, at + 1)) {
      if (at === 0 || !isIdentifierByte(bytes[at - 1]!)) continue;
      let end = at;
      for (let next = spliceEnd(bytes, end); next >= 0; next = spliceEnd(bytes, end)) end = next;
      if (isIdentifierByte(bytes[end] ?? 0)) return true;
    }
  }
  return false;
}

/**
 * Whether these bytes may be part of a split identifier: an identifier byte right before a splice.
 * Local (at most four bytes), so it can be asked of a blob's parts as they arrive; true for every
 * blob `splitsIdentifier` is true of, and for very few others.
 */
export function mayStartSplit(bytes: Buffer): boolean {
  for (const splice of SPLICES) {
    for (let at = bytes.indexOf(splice, 1); at >= 0; at = bytes.indexOf(splice, at + 1)) {
      if (isIdentifierByte(bytes[at - 1]!)) return true;
    }
  }
  return false;
}

/**
 * A test that is true of bytes holding one of the needles, and of bytes where a splice may split one:
 * local (what it looks for is at most as long as the longest needle, or four bytes), so it can be
 * asked of a blob's parts as they arrive. The blobs it passes are looked at with `holdsNeedle`.
 */
export function mayHoldNeedle(needles: readonly string[]): (bytes: Buffer) => boolean {
  return (bytes) => needles.some((needle) => bytes.includes(needle)) || mayStartSplit(bytes);
}

/**
 * The bytes as the preprocessor's second phase leaves them, every backslash-newline removed: a
 * needle is in them when it is in the bytes or in the joined halves of a split name.
 */
export function joinSplices(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(BACKSLASH); at >= 0; at = bytes.indexOf(BACKSLASH, at + 1)) {
    const end = spliceEnd(bytes, at);
    if (end < 0) continue;
    parts.push(bytes.subarray(from, at));
    from = end;
    at = end - 1;
  }
  if (from === 0) return bytes;
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/**
 * The bytes a needle test must look in: the bytes themselves, or when a splice splits an identifier,
 * the bytes with the splices removed (every needle is an identifier or part of one, so a removed
 * splice can only add a needle by joining identifier bytes).
 */
export function needleView(bytes: Buffer): Buffer {
  return splitsIdentifier(bytes) ? joinSplices(bytes) : bytes;
}

/** Whether the bytes hold one of the needles, also across a splice inside a name. */
export function holdsNeedle(bytes: Buffer, needles: readonly string[]): boolean {
  if (needles.some((needle) => bytes.includes(needle))) return true;
  const view = needleView(bytes);
  return view !== bytes && needles.some((needle) => view.includes(needle));
}
