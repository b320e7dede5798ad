/** Draft templates: the relay's list (GET /api/templates) and which ones a document type shows. */
import { useEffect, useState } from 'react';
import * as z from 'zod/mini';
import { getJson } from '../../api/client';
import type { Lang } from '../../i18n/strings';
import type { DocType } from '../../settings/store';
import {
  LEGAL_TEMPLATE_PACK,
  TEMPLATE_IDS,
  isLegalTemplate,
  templateInfoSchema,
  type TemplateId,
  type TemplateInfo,
} from '../../../../kernel/contract/templates';

export type { TemplateInfo };
export type TemplateKind = TemplateInfo['kind'];

/** The pane's own labels of the kernel's templates (a new template id is a compile error here). */
const FALLBACK_LABEL: Record<TemplateId, { ko: string; en: string }> = {
  'official-letter': { ko: '공문(기안문)', en: 'Official letter (기안문)' },
  'report-outline': { ko: '보고서 개요', en: 'Report outline' },
  email: { ko: '이메일', en: 'Email' },
  minutes: { ko: '회의록', en: 'Meeting minutes' },
  'press-release': { ko: '보도자료', en: 'Press release' },
  'patent-claims': { ko: '청구범위 초안', en: 'Draft claims' },
  'patent-description': { ko: '발명의 설명 초안', en: 'Draft description sections' },
  'official-draft': { ko: '공문(기안문) 초안', en: 'Draft official letter (기안문)' },
  'contract-clause': { ko: '계약 조항 초안', en: 'Draft contract clause' },
};

/**
 * Used only when the relay's list cannot be fetched (older relay, network): the kernel's
 * template ids with the pane's labels, so the picker still works.
 */
export const FALLBACK_TEMPLATES: TemplateInfo[] = TEMPLATE_IDS.map((id) =>
  isLegalTemplate(id)
    ? { id, kind: 'legal', label: FALLBACK_LABEL[id], pack: LEGAL_TEMPLATE_PACK[id] }
    : { id, kind: 'general', label: FALLBACK_LABEL[id] },
);

/** Which rule pack's legal templates each document type shows. */
const PACK_FOR_DOCTYPE: Record<DocType, DocType | null> = {
  general: null,
  patent: 'patent',
  official: 'official',
  contract: 'contract',
};

/** General templates always; legal templates only for the matching document type. */
export function templatesFor(all: TemplateInfo[], docType: DocType): { general: TemplateInfo[]; legal: TemplateInfo[] } {
  const pack = PACK_FOR_DOCTYPE[docType];
  return {
    general: all.filter((t) => t.kind === 'general'),
    legal: pack ? all.filter((t) => t.kind === 'legal' && t.pack === pack) : [],
  };
}

export function templateLabel(t: TemplateInfo | undefined, lang: Lang): string {
  if (!t) return '';
  return t.label[lang] || t.label.ko || t.id;
}

/** The entries of a GET /api/templates answer that match the contract (others are skipped). */
function validTemplates(list: unknown): TemplateInfo[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((x) => {
    const r = z.safeParse(templateInfoSchema, x);
    return r.success ? [r.data] : [];
  });
}

/** Fetches the template list once; falls back to the built-in list on failure. */
export function useTemplates(): { templates: TemplateInfo[]; loading: boolean; fallback: boolean } {
  const [state, setState] = useState<{ templates: TemplateInfo[]; loading: boolean; fallback: boolean }>({
    templates: FALLBACK_TEMPLATES,
    loading: true,
    fallback: false,
  });
  useEffect(() => {
    const c = new AbortController();
    getJson<{ templates?: unknown }>('/api/templates', c.signal)
      .then((res) => {
        const list = validTemplates(res.templates);
        if (list.length === 0) throw new Error('empty template list');
        setState({ templates: list, loading: false, fallback: false });
      })
      .catch(() => {
        if (!c.signal.aborted) setState({ templates: FALLBACK_TEMPLATES, loading: false, fallback: true });
      });
    return () => c.abort();
  }, []);
  return state;
}
