/**
 * The drafting templates' stable ids, as the server uses them: the wire enumeration is the
 * shared kernel's (kernel/contract/templates.ts); templates are chosen by these ids, never by
 * position in a list.
 * - General templates: a fragment of the draft prompt file (server/prompts/draft.json `template.<id>`).
 * - Legal templates: each has its own prompt file (server/prompts/<id>.json) and rule pack.
 */
import {
  GENERAL_TEMPLATE_IDS,
  LEGAL_TEMPLATE_IDS,
  TEMPLATE_IDS,
  type GeneralTemplateId,
  type LegalTemplateId,
  type TemplateId,
} from '../../kernel/contract/templates';

export { GENERAL_TEMPLATE_IDS as DRAFT_TEMPLATES, LEGAL_TEMPLATE_IDS, TEMPLATE_IDS };
export type { GeneralTemplateId as DraftTemplateId, LegalTemplateId, TemplateId };

export function isLegalTemplateId(id: string | undefined): id is LegalTemplateId {
  return (LEGAL_TEMPLATE_IDS as readonly string[]).includes(id ?? '');
}
