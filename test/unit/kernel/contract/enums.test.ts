import {
  CATEGORIES,
  PACK_IDS,
  REGISTERS,
  REWRITE_STYLES,
  SUGGESTION_SOURCES,
  SUMMARY_FORMS,
  SUMMARY_LENGTHS,
  isOneOf,
} from '../../../../kernel/contract/enums';
import { CATEGORIES as SERVER_CATEGORIES, PACK_NAMES } from '../../../../server/proofread/types';
import { REWRITE_STYLES as SERVER_STYLES, SUMMARY_LENGTHS as SERVER_LENGTHS } from '../../../../server/generation/prompts';

describe('kernel/contract enums', () => {
  it.each([
    ['PACK_IDS', PACK_IDS],
    ['CATEGORIES', CATEGORIES],
    ['SUGGESTION_SOURCES', SUGGESTION_SOURCES],
    ['REGISTERS', REGISTERS],
    ['REWRITE_STYLES', REWRITE_STYLES],
    ['SUMMARY_LENGTHS', SUMMARY_LENGTHS],
    ['SUMMARY_FORMS', SUMMARY_FORMS],
  ])('%s has unique, kebab-case ids', (_name, ids) => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('is the one list the relay uses (re-exported, not copied)', () => {
    expect(SERVER_CATEGORIES).toBe(CATEGORIES);
    expect(PACK_NAMES).toBe(PACK_IDS);
    expect(SERVER_STYLES).toBe(REWRITE_STYLES);
    expect(SERVER_LENGTHS).toBe(SUMMARY_LENGTHS);
  });

  it('isOneOf accepts members only', () => {
    expect(isOneOf(PACK_IDS, 'patent')).toBe(true);
    expect(isOneOf(PACK_IDS, 'Patent')).toBe(false);
    expect(isOneOf(PACK_IDS, undefined)).toBe(false);
    expect(isOneOf(PACK_IDS, 0)).toBe(false);
  });
});
