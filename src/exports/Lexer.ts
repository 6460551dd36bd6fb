// A C preprocessor-level tokenizer: enough of the language to find macro invocations and
// directives, skipping comments and literals. Allocation-free until a caller asks for a token's text.

export const enum Tok {
  End,
  Ident,
  Number,
  Str,
  Chr,
  Punct,
  /** The end of a logical line (a backslash-newline splice does not end one). */
  Newline,
}

const isIdentStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isIdentPart = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Where a backslash-newline (or backslash-CRLF) at text[i] ends, or -1 when none starts there. */
function spliceAfter(text: string, i: number): number {
  if (text.charCodeAt(i) !== 92) return -1;
  const newline = text.charCodeAt(i + 1) === 13 ? i + 2 : i + 1;
  return text.charCodeAt(newline) === 10 ? newline + 1 : -1;
}

/** Whether text[i] is a `+` or `-` that continues a number's exponent (`1e+5`, `0x1p-3`). */
function isExponentSign(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const before = text.charCodeAt(i - 1);
  return (c === 43 || c === 45) && (before === 101 || before === 69 || before === 112 || before === 80);
}

/** Whether text[from, to) is only horizontal white space. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) return false;
  }
  return true;
}

/**
 * What ends a skim: the start of a comment or literal, a splice, or the end of a line whose first
 * token is `#`. Each match is one character long, so `test` finds where it starts without a match array.
 */
const SPECIAL = /[/"'\\]|\n(?=[ \t\f\v\r]*#)/g;

/**
 * Tokens of C or preprocessed assembly source. Like cpp, a string or character literal that is not
 * closed ends at the end of its line: `.S` files use lone quotes (`movb $'a', %al`) and must not
 * swallow the rest of the file.
 */
export class Lexer {
  /** Where the current token starts and ends in the text. */
  start = 0;
  end = 0;
  /** The 1-based line the current token starts on. */
  line = 1;
  /** Whether the current token is the first of its logical line (so `#` there starts a directive). */
  first = true;
  private pos = 0;
  private currentLine = 1;
  private atLineStart = true;

  constructor(readonly text: string) {}

  /** Whether the current token has a backslash-newline inside it (its text is then not a plain slice). */
  spliced = false;

  /** The current token's text (with any backslash-newline inside it removed, as cpp does first). */
  value(): string {
    const raw = this.text.slice(this.start, this.end);
    return this.spliced ? raw.replace(/\\\r?\n/g, '') : raw;
  }

  /** Whether the current token is this one-character punctuator. */
  is(char: number): boolean {
    return this.end - this.start === 1 && this.text.charCodeAt(this.start) === char;
  }

  /** Whether the current token starts right where the previous one ended (no space in between). */
  adjacentTo(previousEnd: number): boolean {
    return this.start === previousEnd;
  }

  /**
   * Moves over plain code (identifiers, numbers, punctuation, spaces, line ends) towards `limit`,
   * stopping early where a comment, a literal or a splice may start or a line starts with `#`, and
   * never inside an identifier that reaches `limit`. The caller lexes from there as usual, so
   * skimming never changes what is found; it only skips the tokens nobody asked for.
   */
  skim(limit: number): void {
    // A line's first token is always lexed: after spaces, comments or splices it may be a directive.
    if (this.atLineStart) return;
    const s = this.text;
    const p = this.pos;
    SPECIAL.lastIndex = p;
    let end = Math.min(SPECIAL.test(s) ? SPECIAL.lastIndex - 1 : s.length, limit);
    // Do not stop inside an identifier or a number (`1.5e+3`, `0x1p-EXPORT`): back up to where it
    // starts. Backing up further than needed is harmless: what precedes is then lexed as usual.
    while (end > p && (isIdentPart(s.charCodeAt(end - 1)) || s.charCodeAt(end - 1) === 46 || isExponentSign(s, end - 1))) end--;
    if (end <= p) return;
    const lastNewline = s.lastIndexOf('\n', end - 1);
    if (lastNewline >= p) {
      this.countNewlines(p, end);
      // Past a line end, the next token is its line's first when only spaces come before it.
      this.atLineStart = isBlank(s, lastNewline + 1, end);
    }
    this.pos = end;
  }

  next(): Tok {
    const s = this.text;
    const n = s.length;
    let p = this.skipSpaceAndComments(this.pos);
    if (p >= n) {
      this.pos = this.start = this.end = n;
      return Tok.End;
    }
    this.start = p;
    this.line = this.currentLine;
    const c = s.charCodeAt(p);
    if (c === 10) {
      this.first = this.atLineStart;
      this.atLineStart = true;
      this.currentLine++;
      this.end = this.pos = p + 1;
      return Tok.Newline;
    }
    this.first = this.atLineStart;
    this.atLineStart = false;
    this.spliced = false;
    let kind: Tok;
    if (isIdentStart(c)) {
      p++;
      for (;;) {
        while (p < n && isIdentPart(s.charCodeAt(p))) p++;
        // `EXPORT_SYM\<newline>BOL`: splices inside an identifier (one or a run of them) join its halves.
        let q = p;
        let lines = 0;
        for (let after = spliceAfter(s, q); after >= 0; after = spliceAfter(s, q)) (q = after), lines++;
        if (lines === 0 || !isIdentPart(s.charCodeAt(q))) break;
        this.spliced = true;
        this.currentLine += lines;
        p = q;
      }
      kind = Tok.Ident;
    } else if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(p + 1)))) {
      p = this.skipNumber(p);
      kind = Tok.Number;
    } else if (c === 34 || c === 39) {
      p = this.skipLiteral(p, c);
      kind = c === 34 ? Tok.Str : Tok.Chr;
    } else {
      // `##` is the one two-character punctuator the parser needs to see whole.
      p += c === 35 && s.charCodeAt(p + 1) === 35 ? 2 : 1;
      kind = Tok.Punct;
    }
    this.end = this.pos = p;
    return kind;
  }

  private skipSpaceAndComments(p: number): number {
    const s = this.text;
    const n = s.length;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11) {
        p++;
      } else if (c === 92) {
        const after = s.charCodeAt(p + 1) === 13 ? p + 2 : p + 1;
        if (s.charCodeAt(after) !== 10) return p; // a stray backslash is a punctuator
        this.currentLine++;
        p = after + 1;
      } else if (c === 47 && s.charCodeAt(p + 1) === 42) {
        const close = s.indexOf('*/', p + 2);
        const stop = close < 0 ? n : close + 2;
        this.countNewlines(p, stop);
        p = stop;
      } else if (c === 47 && s.charCodeAt(p + 1) === 47) {
        p = this.skipLineComment(p + 2);
      } else {
        return p;
      }
    }
    return p;
  }

  /** A `//` comment runs to the end of the line, and on past it when the line ends in a splice. */
  private skipLineComment(p: number): number {
    const s = this.text;
    for (;;) {
      const nl = s.indexOf('\n', p);
      if (nl < 0) return s.length;
      let q = nl - 1;
      if (s.charCodeAt(q) === 13) q--;
      if (s.charCodeAt(q) !== 92) return nl;
      this.currentLine++;
      p = nl + 1;
    }
  }

  private skipNumber(p: number): number {
    const s = this.text;
    const n = s.length;
    p++;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (isIdentPart(c) || c === 46) p++;
      else if ((c === 43 || c === 45) && /[eEpP]/.test(s[p - 1] ?? '')) p++;
      else break;
    }
    return p;
  }

  private skipLiteral(p: number, quote: number): number {
    const s = this.text;
    const n = s.length;
    p++;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === quote) return p + 1;
      if (c === 10) return p; // unterminated: ends with its line, as in cpp
      if (c === 92) {
        const d = s.charCodeAt(p + 1);
        if (d === 10) this.currentLine++;
        else if (d === 13 && s.charCodeAt(p + 2) === 10) {
          this.currentLine++;
          p++;
        }
        p += 2;
      } else {
        p++;
      }
    }
    return n;
  }

  private countNewlines(from: number, to: number): void {
    const s = this.text;
    let i = s.indexOf('\n', from);
    while (i >= 0 && i < to) {
      this.currentLine++;
      i = s.indexOf('\n', i + 1);
    }
  }
}
