/**
 * Word search-string semantics for the fake: 255-character limit, '^' special
 * characters (non-wildcard mode), '?', '*', '[...]' and '\' escapes in
 * wildcard mode. Compiles to a JS RegExp.
 */
import { FakeWordError } from './model';

export interface FakeSearchOptions {
  matchCase?: boolean;
  matchWildcards?: boolean;
  matchWholeWord?: boolean;
}

const CARET: Record<string, string> = {
  '^': '\\^',
  p: '\\r', // paragraph mark: never inside a paragraph's text
  t: '\\t',
  '?': '[^\\r]',
  '#': '[0-9]',
  $: '[A-Za-z\\p{L}]',
  w: '[ \\t\\u00a0]+',
  s: '\\u00a0',
  l: '\\u000b',
  '+': '\\u2014',
  '=': '\\u2013',
  '~': '\\u2011',
  '-': '\\u00ad',
  n: '\\u000e',
  m: '\\u000c',
};

function reEscape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export function compileWordSearch(searchText: string, options: FakeSearchOptions = {}): RegExp {
  if (searchText.length === 0) throw new FakeWordError('InvalidArgument', 'The search string is empty.');
  if (searchText.length > 255) {
    throw new FakeWordError('SearchStringInvalidOrTooLong', 'The search string is invalid or longer than 255 characters.');
  }
  // Word's search takes tab and manual line break as ^t / ^l ("Use search options in
  // your Word add-in", special characters); the fake refuses raw control characters
  // so a caller that forgets to escape them fails here rather than in real Word.
  // eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
  if (/[\u0000-\u001f]/.test(searchText)) {
    throw new FakeWordError('InvalidArgument', 'fake: raw control character in search text (use ^t, ^l)');
  }
  let src = '';
  const s = searchText;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '^') {
      const n = s[i + 1];
      const lower = n?.toLowerCase();
      if (n === undefined || lower === undefined || !(lower in CARET)) {
        throw new FakeWordError('InvalidArgument', `'^${n ?? ''}' is not a valid special character.`);
      }
      src += CARET[lower];
      i++;
      continue;
    }
    if (options.matchWildcards) {
      if (c === '\\') {
        const n = s[i + 1];
        if (n === undefined) throw new FakeWordError('InvalidArgument', 'Dangling escape.');
        src += reEscape(n);
        i++;
      } else if (c === '?') src += '[^\\r]';
      else if (c === '*') src += '[^\\r]*?';
      else if (c === '[') {
        const close = s.indexOf(']', i + 1);
        if (close < 0) throw new FakeWordError('InvalidArgument', 'Unclosed [');
        let body = s.slice(i + 1, close);
        const neg = body.startsWith('!');
        if (neg) body = body.slice(1);
        src += `[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      } else if (c === '<') src += '(?<![\\p{L}\\p{N}])';
      else if (c === '>') src += '(?![\\p{L}\\p{N}])';
      else if ('@{}()!'.includes(c)) throw new FakeWordError('InvalidArgument', `wildcard '${c}' is not modelled by the fake`);
      else src += reEscape(c);
    } else {
      src += reEscape(c);
    }
  }
  if (options.matchWholeWord) src = `(?<![\\p{L}\\p{N}])${src}(?![\\p{L}\\p{N}])`;
  return new RegExp(src, `gu${options.matchCase ? '' : 'i'}`);
}

/** Non-overlapping matches of the compiled search in `text`, within [from, to). */
export function findAll(re: RegExp, text: string, from = 0, to = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const hay = text.slice(0, to);
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(hay)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
