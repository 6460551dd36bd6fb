// The tokenizer under the export parser: token kinds, line numbers across comments, splices and
// literals, the start of logical lines, and literals that never close.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lexer, Tok } from '../../src/exports/Lexer.js';

const NAMES: Record<Tok, string> = {
  [Tok.End]: 'end', [Tok.Ident]: 'ident', [Tok.Number]: 'number', [Tok.Str]: 'str', [Tok.Chr]: 'chr', [Tok.Punct]: 'punct', [Tok.Newline]: 'newline',
};

interface Token {
  kind: string;
  text: string;
  line: number;
  first: boolean;
}

function tokens(text: string): Token[] {
  const lx = new Lexer(text);
  const out: Token[] = [];
  for (let kind = lx.next(); kind !== Tok.End; kind = lx.next()) {
    out.push({ kind: NAMES[kind], text: lx.value(), line: lx.line, first: lx.first });
    assert.ok(out.length <= text.length + 1, 'the lexer always advances');
  }
  return out;
}

/** Tokens other than Newline, as `text@line`. */
const placed = (text: string): string[] => tokens(text).filter((t) => t.kind !== 'newline').map((t) => `${t.text}@${t.line}`);

test('splits an export line into identifiers, punctuators and a newline', () => {
  assert.deepEqual(tokens('EXPORT_SYMBOL_GPL(foo_1);\n').map((t) => [t.kind, t.text]), [
    ['ident', 'EXPORT_SYMBOL_GPL'], ['punct', '('], ['ident', 'foo_1'], ['punct', ')'], ['punct', ';'], ['newline', '\n'],
  ]);
});

test('reads ## as one token, and a lone # as one', () => {
  assert.deepEqual(tokens('a ## b # c ### d').map((t) => t.text), ['a', '##', 'b', '#', 'c', '##', '#', 'd']);
});

test('reads numbers with suffixes and exponents, and digit-led names like 9p_fid_ref, as one token', () => {
  assert.deepEqual(tokens('0x1fULL 1e+5 .5 9p_fid_ref').map((t) => [t.kind, t.text]), [
    ['number', '0x1fULL'], ['number', '1e+5'], ['number', '.5'], ['number', '9p_fid_ref'],
  ]);
});

test('counts the lines of a multi-line block comment without emitting newlines for them', () => {
  const all = tokens('/* one\n * two\n */ x\ny\n');
  assert.deepEqual(all.map((t) => `${t.kind}:${t.text}@${t.line}`), ['ident:x@3', 'newline:\n@3', 'ident:y@4', 'newline:\n@4']);
});

test('a backslash-newline splice continues the logical line and still counts the physical one', () => {
  const all = tokens('#define A \\\n\tB\nC\n');
  assert.deepEqual(all.map((t) => `${t.text}@${t.line}`), ['#@1', 'define@1', 'A@1', 'B@2', '\n@2', 'C@3', '\n@3']);
});

test('a // comment ending in a backslash runs on into the next line', () => {
  assert.deepEqual(placed('// note \\\nEXPORT_SYMBOL(hidden);\nshown\n'), ['shown@3']);
});

test('string literals keep escaped quotes and splices inside, and later lines are counted', () => {
  const all = tokens('"a\\"b" x\n"c\\\nd" y\nz\n').filter((t) => t.kind !== 'newline');
  assert.deepEqual(all.map((t) => [t.kind, t.line]), [['str', 1], ['ident', 1], ['str', 2], ['ident', 3], ['ident', 4]]);
  assert.equal(all[0]!.text, '"a\\"b"');
});

test('an escaped backslash does not escape the closing quote', () => {
  assert.deepEqual(tokens("'\\\\' x").map((t) => [t.kind, t.text]), [['chr', "'\\\\'"], ['ident', 'x']]);
});

test('an unterminated string ends at the end of its line, as in cpp', () => {
  assert.deepEqual(tokens('"abc\nx\n').map((t) => [t.kind, t.text, t.line]), [['str', '"abc', 1], ['newline', '\n', 1], ['ident', 'x', 2], ['newline', '\n', 2]]);
});

test('an unterminated character constant in assembly ends at the end of its line', () => {
  // arch/*/lib/*.S: cmpb $'a, %al
  assert.deepEqual(placed("\tcmpb\t$'a, %al\nEXPORT_SYMBOL(x)\n"), ['cmpb@1', '$@1', "'a, %al@1", 'EXPORT_SYMBOL@2', '(@2', 'x@2', ')@2']);
});

test('first marks the first token of each logical line, after spaces and comments too', () => {
  const firsts = (text: string): string[] => tokens(text).filter((t) => t.first && t.kind !== 'newline').map((t) => t.text);
  assert.deepEqual(firsts('  # define A\n/* c */ #if B\nx # y\n'), ['#', '#', 'x']);
});

test('a block comment spanning lines does not start a new logical line', () => {
  // C replaces the comment by one space: the # after it is in the middle of the line
  const hash = tokens('x /* a\n */ # y\n').find((t) => t.text === '#');
  assert.deepEqual(hash && [hash.line, hash.first], [2, false]);
});

test('CRLF line endings count one line each, and a backslash-CRLF is a splice', () => {
  assert.deepEqual(tokens('a\r\nb \\\r\nc\r\n').map((t) => `${t.kind}@${t.line}`), ['ident@1', 'newline@1', 'ident@2', 'ident@3', 'newline@3']);
});

test('a backslash-newline inside an identifier joins its halves, as in translation phase 2', () => {
  assert.deepEqual(placed('EXPORT_SYM\\\nBOL(foo);\n').slice(0, 2), ['EXPORT_SYMBOL@1', '(@2']);
});

test('a run of backslash-newlines inside an identifier joins its halves too, CRLF ones included, and counts each line', () => {
  assert.deepEqual(placed('EX\\\n\\\r\nPORT_SYMBOL(foo);\nbar\n').slice(0, 2), ['EXPORT_SYMBOL@1', '(@3']);
  assert.deepEqual(placed('EX\\\n\\\r\nPORT_SYMBOL(foo);\nbar\n').at(-1), 'bar@4');
  // A splice run that ends before a space splits nothing.
  assert.deepEqual(placed('EX\\\n\\\n PORT\n').slice(0, 2), ['EX@1', 'PORT@3']);
});

test('a stray backslash is a punctuator', () => {
  assert.deepEqual(tokens('a \\ b').map((t) => [t.kind, t.text]), [['ident', 'a'], ['punct', '\\'], ['ident', 'b']]);
});

test('adjacentTo tells a function-like #define from an object-like one', () => {
  const adjacent = (text: string): boolean => {
    const lx = new Lexer(text);
    lx.next(); // #
    lx.next(); // define
    lx.next(); // the name
    const nameEnd = lx.end;
    lx.next(); // (
    return lx.adjacentTo(nameEnd);
  };
  assert.equal(adjacent('#define F(x) x'), true);
  assert.equal(adjacent('#define F (x)'), false);
});

test('empty text ends at once, and keeps ending', () => {
  const lx = new Lexer('');
  assert.equal(lx.next(), Tok.End);
  assert.equal(lx.next(), Tok.End);
});

test('an unterminated block comment ends the text without hanging', () => {
  assert.deepEqual(placed('x /* never closed\nEXPORT_SYMBOL(y);\n'), ['x@1']);
});
