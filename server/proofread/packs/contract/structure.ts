/**
 * Parsing a Korean contract: articles (제N조(제목)), their paragraphs (①②…),
 * and defined terms (이하 "갑"이라 한다 / "서비스"란 … 말한다).
 */

export interface Article {
  /** "3" or "3-2" for 제3조의2. */
  key: string;
  paragraphIndex: number;
  /** Last paragraph index (exclusive) of the article. */
  endIndex: number;
  /** Paragraph (항) numbers present: ①=1, ②=2 … */
  paras: Set<number>;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const ARTICLE_HEADING_RE = /^\s*제\s*(\d+)\s*조(?:의\s*(\d+))?\s*(?:\([^)]*\)|【[^】]*】)?/;

export function parseArticles(paragraphs: readonly string[]): Article[] {
  const out: Article[] = [];
  paragraphs.forEach((p, i) => {
    const m = ARTICLE_HEADING_RE.exec(p);
    if (!m) return;
    // "제3조에 따라 …" is a sentence, not a heading: a heading has a title or a body starting right away.
    const rest = p.slice(m[0].length);
    if (!/\(|【/.test(m[0]) && /^\s*(에|의|및|또는|부터|내지|제|와|과|를|을|는|은|이|가)/.test(rest)) return;
    const prev = out[out.length - 1];
    if (prev) prev.endIndex = i;
    out.push({ key: m[2] ? `${m[1]}-${m[2]}` : m[1]!, paragraphIndex: i, endIndex: paragraphs.length, paras: new Set() });
  });
  for (const a of out) {
    for (let i = a.paragraphIndex; i < a.endIndex; i++) {
      let text = paragraphs[i]!;
      if (i === a.paragraphIndex) text = text.slice(ARTICLE_HEADING_RE.exec(text)![0].length);
      const m = /^\s*([①-⑳])/.exec(text);
      if (m) a.paras.add(CIRCLED.indexOf(m[1]!) + 1);
    }
  }
  return out;
}

export function articleAt(articles: readonly Article[], paragraphIndex: number): Article | null {
  for (let k = articles.length - 1; k >= 0; k--) {
    const a = articles[k]!;
    if (a.paragraphIndex <= paragraphIndex) return paragraphIndex < a.endIndex ? a : null;
  }
  return null;
}

export interface Definition {
  term: string;
  paragraphIndex: number;
  /** Span of the whole definition clause (e.g. '(이하 "갑"이라 한다)'). */
  start: number;
  end: number;
  /** What the term stands for when written just before "(이하 …)", e.g. "주식회사 한빛소프트". */
  antecedent: { text: string; start: number } | null;
}

const OPEN = '"“\'‘「';
const CLOSE = '"”\'’」';
const Q_OPEN = `[${OPEN}]`;
const Q_CLOSE = `[${CLOSE}]`;
const TERM = `([^${OPEN}${CLOSE}\\n]{1,30})`;

const IHA_RE = new RegExp(
  `(\\(\\s*)?이하\\s*(?:[가-힣]{1,6}\\s*){0,3}${Q_OPEN}${TERM}${Q_CLOSE}\\s*(?:이?라\\s*(?:한다|함|칭한다|칭함|하며|하고|부른다)|이?라고\\s*(?:한다|함|칭한다))?\\s*[,.]?\\s*(\\))?`,
  'g',
);
/** '(이하 임차인이라 한다)': the term without quotes (a word, then 이라/라 and a verb of naming). */
const IHA_BARE_RE = /(\(\s*)?이하\s*([가-힣A-Za-z0-9]{1,12}?)\s*(?:이라|라)\s*(?:한다|함|칭한다|칭함|하며|하고|부른다)\s*[,.]?\s*(\))?/g;
/** An item of a definitions article without quotes: '2. 차임이란 … 말한다.' */
const ITEM_BARE_RE = /^\s*\d+\.\s*([가-힣A-Za-z0-9]{1,12}?)\s*(?:이란|란|이라 함은|라 함은|이라고 함은)\s/;
const RAN_RE = new RegExp(`${Q_OPEN}${TERM}${Q_CLOSE}\\s*(?:이?란|이?라\\s*함은|이?라고\\s*함은)`, 'g');
const MEANS_RE = new RegExp(`^\\s*(?:\\d+\\.\\s*)?${Q_OPEN}${TERM}${Q_CLOSE}\\s*(?:은|는|이|가)\\s`);

const COMPANY_WORDS =
  /^(주식회사|유한회사|유한책임회사|합자회사|합명회사|\(주\)|㈜|재단법인|사단법인|사회복지법인|학교법인|이|본|위|해당|당해)$/;

function antecedentBefore(text: string, at: number): Definition['antecedent'] {
  const before = text.slice(0, at);
  const m = /([가-힣A-Za-z0-9()㈜]+)$/.exec(before);
  if (!m) return null;
  let start = m.index;
  let word = m[1]!;
  const prev = /([가-힣A-Za-z0-9()㈜]+)\s$/.exec(before.slice(0, start));
  if (prev && COMPANY_WORDS.test(prev[1]!)) {
    start = prev.index;
    word = `${prev[1]} ${word}`;
  }
  return { text: word, start };
}

/** Common Korean surnames (one and two syllables), for telling a person's name from a noun. */
const SURNAMES = new Set([
  ...'김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부',
]);
const TWO_SYLLABLE_SURNAMES = /^(황보|남궁|제갈|선우|독고|사공|서문)/;

/**
 * True when an antecedent looks like a person's full name (김철수, 남궁민수): 3 syllables starting
 * with a surname, or 4 starting with a two-syllable surname. Parties to a lease or a loan are
 * often persons ('임차인 김철수(이하 "임차인"이라 한다)'), and their name used later instead of
 * the defined term is the same inconsistency as a company's full name.
 */
export function looksLikePersonName(word: string): boolean {
  if (!/^[가-힣]+$/.test(word)) return false;
  if (word.length === 3) return SURNAMES.has(word[0]!);
  if (word.length === 4) return TWO_SYLLABLE_SURNAMES.test(word);
  return false;
}

export function findDefinitions(paragraphs: readonly string[]): Definition[] {
  const out: Definition[] = [];
  paragraphs.forEach((p, i) => {
    IHA_RE.lastIndex = 0;
    for (let m = IHA_RE.exec(p); m; m = IHA_RE.exec(p)) {
      const term = m[2]!.trim();
      const withParen = !!m[1];
      out.push({
        term,
        paragraphIndex: i,
        start: m.index,
        end: m.index + m[0].length,
        antecedent: withParen ? antecedentBefore(p, m.index) : null,
      });
    }
    IHA_BARE_RE.lastIndex = 0;
    for (let m = IHA_BARE_RE.exec(p); m; m = IHA_BARE_RE.exec(p)) {
      if (out.some((d) => d.paragraphIndex === i && d.start <= m!.index && m!.index < d.end)) continue;
      out.push({
        term: m[2]!,
        paragraphIndex: i,
        start: m.index,
        end: m.index + m[0].length,
        antecedent: m[1] ? antecedentBefore(p, m.index) : null,
      });
    }
    const bare = ITEM_BARE_RE.exec(p);
    if (bare && /(말한다|의미한다|뜻한다|칭한다)/.test(p)) {
      const s = p.indexOf(bare[1]!);
      out.push({ term: bare[1]!, paragraphIndex: i, start: s, end: s + bare[1]!.length, antecedent: null });
    }
    RAN_RE.lastIndex = 0;
    for (let m = RAN_RE.exec(p); m; m = RAN_RE.exec(p))
      out.push({ term: m[1]!.trim(), paragraphIndex: i, start: m.index, end: m.index + m[0].length, antecedent: null });
    const mm = MEANS_RE.exec(p);
    if (mm && /(말한다|의미한다|뜻한다|칭한다)/.test(p)) {
      const s = p.indexOf(mm[1]!) - 1;
      if (!out.some((d) => d.paragraphIndex === i && d.start === s))
        out.push({ term: mm[1]!.trim(), paragraphIndex: i, start: s, end: s + mm[1]!.length + 2, antecedent: null });
    }
  });
  return out.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.start - b.start);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PARTICLE_AFTER =
  '(?:은|는|이|가|을|를|의|에|과|와|에게|에게서|으로|로|측|도|만|이라|라|이란|란|에서|이며|며|사이|간|으로부터|로부터|과의|와의|께|이나|나|이든|든)';

/** Occurrences of a term as a word (optionally quoted), followed by nothing, a non-letter or a particle. */
export function termRegex(term: string): RegExp {
  const body = esc(term).replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![가-힣A-Za-z0-9])${Q_OPEN}?${body}${Q_CLOSE}?(?=$|[^가-힣A-Za-z0-9]|${PARTICLE_AFTER}(?:$|[^가-힣]))`, 'g');
}

/** Paragraphs of the signature block (갑: …, 주소, 대표이사 …), where full names are expected. */
export const SIGNATURE_RE =
  /^\s*(?:[("“'‘「]?[갑을병정][)"”'’」]?\s*[:：)]|(?:임대인|임차인|매도인|매수인|도급인|수급인|위탁자|수탁자|발주자|양도인|양수인|채권자|채무자|대주|차주|사용자|근로자)\s*[:：(]|.*\(인\)\s*$|\(?[갑을병정]\)\s|상\s*호|주\s*소|대표|성\s*명|사업자|연락처|서명|날인|\(인\)|(?:19|20)\d{2}\.\s*\d)/;

/** What a new clause must stay consistent with: the contract's defined terms and its articles. */
export interface ContractOutline {
  /** Defined terms, each once, in order of definition. */
  definedTerms: string[];
  /** Article number → how many 항 it has (the most of 제N조 and its 제N조의M), for cross-references. */
  existingArticles: Record<number, number>;
}

/** The outline of a contract given as paragraphs (the drafting context of a contract clause). */
export function contractOutline(paragraphs: readonly string[]): ContractOutline {
  const definedTerms = [...new Set(findDefinitions(paragraphs).map((d) => d.term))];
  const existingArticles: Record<number, number> = {};
  for (const a of parseArticles(paragraphs)) {
    const n = Number(a.key.split('-')[0]);
    if (Number.isFinite(n)) existingArticles[n] = Math.max(a.paras.size, existingArticles[n] ?? 0);
  }
  return { definedTerms, existingArticles };
}
