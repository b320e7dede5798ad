/** Draft templates: the relay's list (GET /api/templates) and which ones a document type shows. */
import { useEffect, useState } from 'react';
import { getJson } from '../../api/client';
import type { Lang } from '../../i18n/strings';
import type { DocType } from '../../settings/store';

export type TemplateKind = 'general' | 'legal';

export interface TemplateInfo {
  id: string;
  kind: TemplateKind;
  label: { ko: string; en: string };
  description?: { ko: string; en: string };
  /** Rule pack the draft is checked with (legal templates). */
  pack?: string;
}

/**
 * Used only when the relay's list cannot be fetched (older relay, network):
 * the ids and labels of docs/API.md, so the picker still works.
 */
export const FALLBACK_TEMPLATES: TemplateInfo[] = [
  { id: 'official-letter', kind: 'general', label: { ko: '공문(기안문)', en: 'Official letter (기안문)' } },
  { id: 'report-outline', kind: 'general', label: { ko: '보고서 개요', en: 'Report outline' } },
  { id: 'email', kind: 'general', label: { ko: '이메일', en: 'Email' } },
  { id: 'minutes', kind: 'general', label: { ko: '회의록', en: 'Meeting minutes' } },
  { id: 'press-release', kind: 'general', label: { ko: '보도자료', en: 'Press release' } },
  { id: 'patent-claims', kind: 'legal', label: { ko: '청구범위 초안', en: 'Draft claims' }, pack: 'patent' },
  { id: 'patent-description', kind: 'legal', label: { ko: '발명의 설명 초안', en: 'Draft description sections' }, pack: 'patent' },
  { id: 'official-draft', kind: 'legal', label: { ko: '공문(기안문) 초안', en: 'Draft official letter (기안문)' }, pack: 'official' },
  { id: 'contract-clause', kind: 'legal', label: { ko: '계약 조항 초안', en: 'Draft contract clause' }, pack: 'contract' },
];

/** Which rule pack's legal templates each document type shows. */
const PACK_FOR_DOCTYPE: Record<DocType, string | null> = {
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

function isTemplate(x: unknown): x is TemplateInfo {
  const t = x as TemplateInfo;
  return !!t && typeof t.id === 'string' && (t.kind === 'general' || t.kind === 'legal') && !!t.label && typeof t.label.ko === 'string';
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
        const list = Array.isArray(res.templates) ? res.templates.filter(isTemplate) : [];
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
