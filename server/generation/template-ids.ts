/**
 * The drafting templates' stable ids: what the pane sends as `template` and GET /api/templates
 * lists. Templates are chosen by these ids, never by position in a list. One place for them on
 * the server (the wire enumeration is to come from the shared kernel's contract).
 */

/** General templates: a fragment of the draft prompt file (server/prompts/draft.json `template.<id>`). */
export const DRAFT_TEMPLATES = ['official-letter', 'report-outline', 'email', 'minutes', 'press-release'] as const;
export type DraftTemplateId = (typeof DRAFT_TEMPLATES)[number];

/** Legal templates: each has its own prompt file (server/prompts/<id>.json) and rule pack. */
export const LEGAL_TEMPLATE_IDS = ['patent-claims', 'patent-description', 'official-draft', 'contract-clause'] as const;
export type LegalTemplateId = (typeof LEGAL_TEMPLATE_IDS)[number];

export type TemplateId = DraftTemplateId | LegalTemplateId;
export const TEMPLATE_IDS: readonly [TemplateId, ...TemplateId[]] = [...DRAFT_TEMPLATES, ...LEGAL_TEMPLATE_IDS];

export function isLegalTemplateId(id: string | undefined): id is LegalTemplateId {
  return (LEGAL_TEMPLATE_IDS as readonly string[]).includes(id ?? '');
}
