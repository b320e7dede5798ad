/**
 * Parsing a Korean patent specification: KIPO section headings (【…】) and the
 * claims (【청구항 N】 headings, or "청구항 N." / "N." lines inside 【청구범위】),
 * with their citations ("제N항에 있어서", "제N항 또는 제M항에 있어서",
 * "제N항 내지 제M항 중 어느 한 항에 있어서", "청구항 N에 있어서").
 * Pure functions over paragraph texts; offsets are UTF-16 offsets into a paragraph.
 */

export interface Heading {
  /** Heading name with all whitespace removed, e.g. "청구범위", "청구항1". */
  name: string;
  paragraphIndex: number;
  /** Offset just after "】". */
  end: number;
}

const HEADING_RE = /^\s*【([^】]+)】/;

/**
 * Per-check memo: the engine passes the same (readonly) paragraphs array to every rule of one
 * check, so document-level parses (headings, claims, numerals) are computed once per check
 * instead of once per rule. Keyed by array identity; entries go away with the array.
 */
export function memoByDocument<T>(fn: (paragraphs: readonly string[]) => T): (paragraphs: readonly string[]) => T {
  const memo = new WeakMap<readonly string[], T>();
  return (paragraphs) => {
    let v = memo.get(paragraphs);
    if (v === undefined) memo.set(paragraphs, (v = fn(paragraphs)));
    return v;
  };
}

export const findHeadings = memoByDocument(findHeadingsUncached);

function findHeadingsUncached(paragraphs: readonly string[]): Heading[] {
  const out: Heading[] = [];
  paragraphs.forEach((p, i) => {
    const m = HEADING_RE.exec(p);
    if (m) out.push({ name: m[1]!.replace(/\s+/g, ''), paragraphIndex: i, end: m[0].length });
  });
  return out;
}

export interface Span {
  paragraphIndex: number;
  start: number;
  end: number;
  text: string;
}

export interface ClaimPart {
  paragraphIndex: number;
  /** Offset in the paragraph where the claim text of this part starts. */
  start: number;
  text: string;
}

export interface Citation {
  /** Every claim number cited (ranges expanded). */
  numbers: number[];
  /** Cited numbers as written, with their spans. */
  refs: Array<Span & { number: number }>;
  kind: 'single' | 'list' | 'range';
  /** Connectors between the refs as written (",", "및", "또는", "내지", "과"...). */
  connectors: Span[];
  /** Span of the tail after the last ref ("에 있어서", " 중 어느 한 항에 있어서"). */
  tail: Span;
  /** True when the tail says "어느 한 항" / "어느 하나의 항". */
  anyOne: boolean;
  /** Whole citation span (first ref to end of tail). */
  span: Span;
}

export interface Claim {
  number: number;
  /** Paragraph of the claim heading / numbering line. */
  headingIndex: number;
  parts: ClaimPart[];
  citation: Citation | null;
}

export interface ClaimSet {
  /** Paragraph indices belonging to the claims region (headings included). */
  region: { start: number; end: number } | null;
  claims: Claim[];
}

const CLAIM_HEADING_RE = /^\s*【\s*청구항\s*(\d+)\s*】\s*/;
const PLAIN_CLAIM_RE = /^\s*(?:청구항\s*(\d+)\s*[.:]?|(\d+)\s*\.)\s+/;

function isClaimHeadingName(name: string): boolean {
  return /^청구항\d+$/.test(name);
}

/** The claims region: from 【청구범위】 to the next non-claim heading. */
function claimsRegion(paragraphs: readonly string[]): { start: number; end: number } | null {
  const hs = findHeadings(paragraphs);
  const i = hs.findIndex((h) => h.name === '청구범위' || h.name === '특허청구범위');
  if (i < 0) return null;
  const start = hs[i]!.paragraphIndex;
  const next = hs.slice(i + 1).find((h) => !isClaimHeadingName(h.name));
  return { start, end: next ? next.paragraphIndex : paragraphs.length };
}

/** Parses the claims of a document (memoised per check, see memoByDocument). */
export const parseClaims = memoByDocument(parseClaimsUncached);

function parseClaimsUncached(paragraphs: readonly string[]): ClaimSet {
  const region = claimsRegion(paragraphs);
  const from = region ? region.start + 1 : 0;
  const to = region ? region.end : paragraphs.length;
  const claims: Claim[] = [];
  let current: Claim | null = null;
  for (let i = from; i < to; i++) {
    const p = paragraphs[i]!;
    let m = CLAIM_HEADING_RE.exec(p);
    let num: number | null = null;
    let bodyStart = 0;
    if (m) {
      num = Number(m[1]);
      bodyStart = m[0].length;
    } else if (region) {
      m = PLAIN_CLAIM_RE.exec(p);
      if (m) {
        const n = Number(m[1] ?? m[2]);
        const last = claims.length ? claims[claims.length - 1]!.number : 0;
        if (n > last || m[1] !== undefined) {
          num = n;
          bodyStart = m[0].length;
        }
      }
    } else if (HEADING_RE.test(p)) {
      // another section heading outside a 【청구범위】 region ends the current claim
      current = null;
      continue;
    }
    if (num !== null) {
      current = { number: num, headingIndex: i, parts: [], citation: null };
      claims.push(current);
      if (p.length > bodyStart) current.parts.push({ paragraphIndex: i, start: bodyStart, text: p.slice(bodyStart) });
      continue;
    }
    if (current && p.trim()) current.parts.push({ paragraphIndex: i, start: 0, text: p });
  }
  for (const c of claims) c.citation = parseCitation(c);
  return { region, claims };
}

const REF_RE = /^(?:제\s*(\d+)\s*항|청구항\s*(\d+))/;
const CONN_RE = /^(\s*)(,|및|또는|그리고|혹은|내지|부터|~|∼|～)(\s*)|^(과|와)(\s+)/;
const TAIL_RE = /^(\s*까지)?(\s*중\s*(?:어느\s*(?:한\s*|하나의\s*)?항|하나의\s*항)에|에)\s*(?:있어서|따른|따르는|기재된|의한)/;

/** Parses the citation at the start of a claim's text, if any. */
function parseCitation(claim: Claim): Citation | null {
  const part = claim.parts[0];
  if (!part) return null;
  const text = part.text;
  let pos = text.length - text.trimStart().length;
  const refs: Citation['refs'] = [];
  const connectors: Span[] = [];
  const pi = part.paragraphIndex;
  const abs = (o: number) => part.start + o;
  for (;;) {
    const r = REF_RE.exec(text.slice(pos));
    if (!r) return null;
    refs.push({ paragraphIndex: pi, start: abs(pos), end: abs(pos + r[0].length), text: r[0], number: Number(r[1] ?? r[2]) });
    pos += r[0].length;
    const c = CONN_RE.exec(text.slice(pos));
    if (c && REF_RE.test(text.slice(pos + c[0].length))) {
      const lead = (c[1] ?? '').length;
      const word = c[2] ?? c[4]!;
      connectors.push({ paragraphIndex: pi, start: abs(pos + lead), end: abs(pos + lead + word.length), text: word });
      pos += c[0].length;
      continue;
    }
    break;
  }
  const t = TAIL_RE.exec(text.slice(pos));
  if (!t) return null;
  const tail: Span = { paragraphIndex: pi, start: abs(pos), end: abs(pos + t[0].length), text: t[0] };
  const isRange = connectors.some((c) => /^(내지|부터|~|∼|～)$/.test(c.text));
  const numbers: number[] = [];
  if (isRange && refs.length === 2) {
    const a = refs[0]!.number;
    const b = refs[1]!.number;
    if (a <= b && b - a < 1000) for (let n = a; n <= b; n++) numbers.push(n);
    else numbers.push(a, b);
  } else for (const r of refs) numbers.push(r.number);
  const first = refs[0]!;
  return {
    numbers,
    refs,
    kind: refs.length === 1 ? 'single' : isRange ? 'range' : 'list',
    connectors,
    tail,
    anyOne: /어느|하나의/.test(t[0]),
    span: { paragraphIndex: pi, start: first.start, end: tail.end, text: text.slice(first.start - part.start, pos + t[0].length) },
  };
}

/** A claim citing two or more claims (택일적 인용항 / multiple dependent claim). */
export function isMultiple(c: Claim): boolean {
  return !!c.citation && new Set(c.citation.numbers).size > 1;
}

/** Every claim that the claim depends on, directly or through other claims (earlier claims only). */
export function ancestors(claim: Claim, byNumber: ReadonlyMap<number, Claim>): Claim[] {
  const seen = new Set<number>();
  const out: Claim[] = [];
  const stack = claim.citation ? [...claim.citation.numbers] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n) || n >= claim.number) continue;
    seen.add(n);
    const c = byNumber.get(n);
    if (!c) continue;
    out.push(c);
    if (c.citation) for (const k of c.citation.numbers) if (k < n) stack.push(k);
  }
  return out;
}

export function claimText(c: Claim): string {
  return c.parts.map((p) => p.text).join('\n');
}

export interface NumeralUse {
  paragraphIndex: number;
  start: number;
  end: number;
  /** Element name as written (e.g. "제1 센서"). */
  name: string;
  /** Name with whitespace removed, for comparison. */
  key: string;
  numeral: string;
  /** Offsets of the numeral inside the paragraph. */
  numeralStart: number;
}

const NUMERAL_RE = /((?:제\s?\d+\s?)?[가-힣A-Za-z][가-힣A-Za-z0-9]*)\s?\(\s*([A-Z]?\d{1,4}[a-z]?'?)\s*\)/g;
const NOT_ELEMENTS = /^(도|도면|식|수식|수학식|화학식|표|청구항|단계|실시예|비교예|제\d+항|약|단위|참조)$/;
/** A word before the element name that is not part of the name. */
const NOT_NAME_WORD =
  /^(상기|및|또는|그|이|저|각|각각|적어도|하나|다수|복수|소정|해당|본|일|타|다른|별도|전체|한|두|세|또한|그리고|상술|전술|후술|따라|통해|통하여|의해|의하여|위해|위하여|대해|대하여|함께|서로|다시|또|더|모두|직접|이어서|그리고|즉)$|[은는을를의에와과로서고며면된한할될던여해가인]$|[^가-힣A-Za-z0-9]/;

/** Reference numerals "제어부(110)", "온도 센서(120)" in one paragraph. */
export function numeralUses(text: string, paragraphIndex: number): NumeralUse[] {
  const out: NumeralUse[] = [];
  NUMERAL_RE.lastIndex = 0;
  for (let m = NUMERAL_RE.exec(text); m; m = NUMERAL_RE.exec(text)) {
    let name = m[1]!;
    let start = m.index;
    const sangi = /^상기/.exec(name);
    if (sangi && name.length > 2) {
      name = name.slice(2);
      start += 2;
    }
    if (NOT_ELEMENTS.test(name.replace(/\s+/g, ''))) continue;
    // one more word of a compound name ("온도 센서")
    if (!/^제/.test(name)) {
      const before = /(?:^|\s)([가-힣A-Za-z0-9]+) $/.exec(text.slice(0, start));
      if (before && !NOT_NAME_WORD.test(before[1]!)) {
        name = before[1]! + ' ' + name;
        start -= before[1]!.length + 1;
      }
    }
    const numeral = m[2]!;
    out.push({
      paragraphIndex,
      start,
      end: m.index + m[0].length,
      name,
      key: name.replace(/\s+/g, ''),
      numeral,
      numeralStart: m.index + m[0].lastIndexOf(numeral),
    });
  }
  return out;
}

/** Two element names that can denote the same element: equal, or one a shortened form (suffix) of the other. */
export function compatibleNames(a: string, b: string): boolean {
  return a === b || a.endsWith(b) || b.endsWith(a);
}

/** Paragraph indices of the description: everything outside the claims and the abstract. */
export function descriptionParagraphs(paragraphs: readonly string[], set: ClaimSet): number[] {
  const hs = findHeadings(paragraphs);
  const abstract = hs.find((h) => h.name === '요약서' || h.name === '요약');
  const inClaims = new Set<number>();
  for (const c of set.claims) {
    inClaims.add(c.headingIndex);
    for (const p of c.parts) inClaims.add(p.paragraphIndex);
  }
  const out: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (set.region && i >= set.region.start && i < set.region.end) continue;
    if (abstract && i >= abstract.paragraphIndex) continue;
    if (inClaims.has(i)) continue;
    out.push(i);
  }
  return out;
}
