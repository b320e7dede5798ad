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

/** The general pack always applies; a document type adds its own pack on top. */
export function rulesFor(pack: PackName): Rule[] {
  return pack === 'general' ? PACKS.general : [...PACKS.general, ...PACKS[pack]];
}
