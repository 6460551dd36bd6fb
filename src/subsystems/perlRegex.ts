// Turns the Perl regex of a MAINTAINERS N: line (matched with /x) into a JavaScript RegExp.

/**
 * get_maintainer.pl tests N: lines as `$file =~ m/$value/x`: under /x, whitespace outside a bracketed
 * character class is ignored and `#` starts a comment. JavaScript has no /x, so both are removed here.
 * Throws a SyntaxError for a regex JavaScript cannot compile.
 *
 * @example
 * perlRegex('[^a-z]tegra').test('drivers/gpu/host1x/tegra.c') // → true (`/tegra` matches `[^a-z]tegra`)
 * perlRegex('sun [45] i # Allwinner').source // → 'sun[45]i'
 */
export function perlRegex(source: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      out += c;
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      out += c;
      // In Perl a `]` right after `[` or `[^` is a member; in JavaScript `[]` would be an empty class.
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += `\\${source[++i]}`;
    } else if (c === '#') {
      const newline = source.indexOf('\n', i);
      if (newline === -1) break;
      i = newline;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return new RegExp(out);
}
