import * as z from 'zod/mini';
import {
  GENERAL_TEMPLATE_IDS,
  LEGAL_TEMPLATE_IDS,
  LEGAL_TEMPLATE_PACK,
  TEMPLATE_IDS,
  isLegalTemplate,
  templateInfoSchema,
  templatesResponseSchema,
} from '../../../../kernel/contract/templates';
import { PACK_IDS } from '../../../../kernel/contract/enums';
import { LEGAL_TEMPLATES } from '../../../../server/generation/legal-templates';

describe('kernel/contract templates', () => {
  it('ids are unique across general and legal templates', () => {
    expect(new Set(TEMPLATE_IDS).size).toBe(GENERAL_TEMPLATE_IDS.length + LEGAL_TEMPLATE_IDS.length);
  });

  it('every legal template has a rule pack, and it is the one the relay drafts with', () => {
    for (const id of LEGAL_TEMPLATE_IDS) expect(PACK_IDS).toContain(LEGAL_TEMPLATE_PACK[id]);
    expect(Object.fromEntries(LEGAL_TEMPLATES.map((t) => [t.id, t.pack]))).toEqual(LEGAL_TEMPLATE_PACK);
  });

  it('isLegalTemplate tells the two kinds apart', () => {
    expect(TEMPLATE_IDS.filter(isLegalTemplate)).toEqual([...LEGAL_TEMPLATE_IDS]);
  });

  it('parses a template entry and rejects one without a label or with an unknown pack', () => {
    const ok = { id: 'patent-claims', kind: 'legal', label: { ko: '청구범위 초안', en: 'Draft claims' }, pack: 'patent' };
    expect(z.safeParse(templateInfoSchema, ok).success).toBe(true);
    expect(z.safeParse(templateInfoSchema, { ...ok, label: undefined }).success).toBe(false);
    expect(z.safeParse(templateInfoSchema, { ...ok, kind: 'poem' }).success).toBe(false);
    expect(z.safeParse(templateInfoSchema, { ...ok, pack: 'poetry' }).success).toBe(false);
    expect(z.safeParse(templatesResponseSchema, { templates: [ok] }).success).toBe(true);
    expect(z.safeParse(templatesResponseSchema, { templates: ok }).success).toBe(false);
  });
});
