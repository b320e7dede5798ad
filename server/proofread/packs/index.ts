import type { PackName, Rule } from '../types';
import { generalRules } from './general';
import { officialRules } from './official';
import { patentRules } from './patent';
import { contractRules } from './contract';

export const PACKS: Record<PackName, Rule[]> = {
  general: generalRules,
  official: officialRules,
  patent: patentRules,
  contract: contractRules,
};

/** General rules that a document type's pack replaces with its own (one card per fix, not two). */
const SUPERSEDED_BY: Partial<Record<PackName, ReadonlySet<string>>> = {
  // official.date.format already writes dotted dates as '2026. 3. 10.' (and 년/월/일 dates too)
  official: new Set(['punctuation.date-dots']),
};

/** The general pack always applies; a document type adds its own pack on top. */
export function rulesFor(pack: PackName): Rule[] {
  if (pack === 'general') return PACKS.general;
  const superseded = SUPERSEDED_BY[pack];
  const general = superseded ? PACKS.general.filter((r) => !superseded.has(r.id)) : PACKS.general;
  return [...general, ...PACKS[pack]];
}
