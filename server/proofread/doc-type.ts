/**
 * Suggesting a document type (and so a rule pack) from the text itself.
 * Pure: looks only at paragraph texts.
 */
import type { PackName } from './types';

export interface DocTypeScores {
  patent: number;
  official: number;
  contract: number;
}

/** Structural evidence for each pack; each signal counts once. */
export function docTypeScores(paragraphs: readonly string[]): DocTypeScores {
  const text = paragraphs.join('\n');
  const lines = paragraphs.map((p) => p.trim());
  const has = (re: RegExp) => lines.some((l) => re.test(l));
  const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;

  let patent = 0;
  if (/【\s*(특허)?청구범위\s*】/.test(text)) patent += 3;
  if (/【\s*청구항\s*\d+\s*】/.test(text)) patent += 3;
  if (/【\s*(발명의\s*설명|발명의\s*명칭|기술분야|배경기술|요약서)\s*】/.test(text)) patent += 2;
  if (/제\s*\d+\s*항(?:\s*(?:또는|내지)\s*제\s*\d+\s*항)?(?:\s*중\s*어느\s*한\s*항)?에\s*있어서/.test(text)) patent += 2;
  if (has(/^청구항\s*\d+\s*[.:]/)) patent += 2;

  let official = 0;
  if (has(/^수신(\s|자|$)/)) official += 2;
  if (has(/^제목\s/)) official += 1;
  if (has(/^(붙\s?임)\s/)) official += 1;
  if (has(/(^|\s)끝\.\s*$/)) official += 2;
  if (has(/^시행\s/) || has(/^(기안자|결재권자|검토자|협조자)\s/)) official += 2;
  if (has(/^\(?경유\)?/)) official += 1;

  let contract = 0;
  const articles = count(/^제\s*\d+\s*조(의\s*\d+)?\s*\(/);
  if (articles >= 2) contract += 2;
  if (/(^|[^가-힣])["“'‘「]?[갑을]["”'’」]?(은|는|이|가|에게|과|와|의)\s/.test(text)) contract += 1;
  if (/이하\s*["“'‘「][^"”'’」]+["”'’」]\s*(이)?라\s*(한다|함)/.test(text)) contract += 1;
  if (/계약/.test(text)) contract += 1;
  if (/계약서|계약을\s*체결/.test(text)) contract += 1;

  return { patent, official, contract };
}

/** Patent if claims markers, official if 수신/시행/붙임/끝. structure, contract if 제N조 + 갑/을/계약, else general. */
export function suggestDocType(paragraphs: readonly string[]): PackName {
  const s = docTypeScores(paragraphs);
  const ranked = (Object.entries(s) as Array<[Exclude<PackName, 'general'>, number]>).sort((a, b) => b[1] - a[1]);
  const [best, score] = ranked[0]!;
  const threshold = best === 'contract' ? 4 : 3;
  if (score < threshold) return 'general';
  // contract needs articles; patent needs a claims marker
  if (best === 'contract' && !paragraphs.some((p) => /^\s*제\s*\d+\s*조/.test(p))) return 'general';
  return best;
}
