/** Reference numerals (부재(10)) in claims and description, indexed once per document for the numeral rules. */
import { descriptionParagraphs, memoByDocument, numeralUses, parseClaims, type NumeralUse } from './claims';

export interface NumeralIndex {
  uses: NumeralUse[];
  claimUses: NumeralUse[];
  descUses: NumeralUse[];
  /** numeral -> keys used with it */
  names: Map<string, string[]>;
}

export const indexNumerals = memoByDocument(indexNumeralsUncached);

function indexNumeralsUncached(paragraphs: readonly string[]): NumeralIndex {
  const set = parseClaims(paragraphs);
  const claimParas = new Set<number>();
  for (const c of set.claims) for (const p of c.parts) claimParas.add(p.paragraphIndex);
  const desc = new Set(descriptionParagraphs(paragraphs, set));
  const uses: NumeralUse[] = [];
  const claimUses: NumeralUse[] = [];
  const descUses: NumeralUse[] = [];
  paragraphs.forEach((p, i) => {
    if (!claimParas.has(i) && !desc.has(i)) return;
    for (const u of numeralUses(p, i)) {
      uses.push(u);
      (claimParas.has(i) ? claimUses : descUses).push(u);
    }
  });
  const names = new Map<string, string[]>();
  for (const u of uses) {
    const l = names.get(u.numeral) ?? [];
    if (!l.includes(u.key)) l.push(u.key);
    names.set(u.numeral, l);
  }
  return { uses, claimUses, descUses, names };
}

/** Numerals for which `key` is the element's own name (not a shortened form of a longer name). */
export function primaryNumerals(idx: NumeralIndex, key: string): string[] {
  const out: string[] = [];
  for (const u of idx.uses) {
    if (u.key !== key || out.includes(u.numeral)) continue;
    const longer = (idx.names.get(u.numeral) ?? []).some((k) => k !== key && k.endsWith(key));
    if (!longer) out.push(u.numeral);
  }
  return out;
}
