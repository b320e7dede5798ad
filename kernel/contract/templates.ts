/**
 * Draft templates (POST /api/draft `template`, GET /api/templates), by stable id.
 * General templates are drafted with the general prompt; a legal template is drafted
 * with its own prompt and the draft is checked with its rule pack (SSE `findings`).
 */
import * as z from 'zod/mini';
import { PACK_IDS, type PackId } from './enums';

export const GENERAL_TEMPLATE_IDS = ['official-letter', 'report-outline', 'email', 'minutes', 'press-release'] as const;
export type GeneralTemplateId = (typeof GENERAL_TEMPLATE_IDS)[number];

export const LEGAL_TEMPLATE_IDS = ['patent-claims', 'patent-description', 'official-draft', 'contract-clause'] as const;
export type LegalTemplateId = (typeof LEGAL_TEMPLATE_IDS)[number];

export const TEMPLATE_IDS = [...GENERAL_TEMPLATE_IDS, ...LEGAL_TEMPLATE_IDS] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The rule pack each legal template's draft is checked with. */
export const LEGAL_TEMPLATE_PACK: Record<LegalTemplateId, PackId> = {
  'patent-claims': 'patent',
  'patent-description': 'patent',
  'official-draft': 'official',
  'contract-clause': 'contract',
};

export function isLegalTemplate(id: TemplateId): id is LegalTemplateId {
  return (LEGAL_TEMPLATE_IDS as readonly string[]).includes(id);
}

const localizedText = z.object({ ko: z.string(), en: z.string() });

/** One entry of GET /api/templates. Loose: an unknown id from a newer relay is kept as a string. */
export const templateInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['general', 'legal']),
  label: localizedText,
  description: z.optional(localizedText),
  /** Rule pack the draft is checked with. */
  pack: z.optional(z.enum(PACK_IDS)),
});
export type TemplateInfo = z.output<typeof templateInfoSchema>;

/** GET /api/templates answer. */
export const templatesResponseSchema = z.object({ templates: z.array(templateInfoSchema) });
