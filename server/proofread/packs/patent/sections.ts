/** The KIPO specification's sections (명세서 headings): which are required, their order, which a text has. */
import { findHeadings } from './claims';
import { squash } from './terms';

export interface SectionSpec {
  name: string;
  /** required: always; drawings: required when the application has drawings; optional. */
  need: 'required' | 'drawings' | 'optional';
}

/**
 * KIPO 명세서 headings in order (특허법 시행규칙 별지 서식). Required: what 특허법 제42조
 * 제2항·제3항 and the form demand of every application (the invention's title, field,
 * background, content with problem / solution / effects, the detailed description,
 * claims and abstract). 【도면의 간단한 설명】 is required only when the application has
 * drawings; 선행기술문헌, 부호의 설명, 산업상 이용가능성 and the drawing sections are optional.
 */
export const PATENT_SECTIONS: readonly SectionSpec[] = [
  { name: '발명의 설명', need: 'required' },
  { name: '발명의 명칭', need: 'required' },
  { name: '기술분야', need: 'required' },
  { name: '발명의 배경이 되는 기술', need: 'optional' },
  { name: '배경기술', need: 'required' },
  { name: '선행기술문헌', need: 'optional' },
  { name: '특허문헌', need: 'optional' },
  { name: '비특허문헌', need: 'optional' },
  { name: '발명의 내용', need: 'required' },
  { name: '해결하고자 하는 과제', need: 'required' },
  { name: '과제의 해결 수단', need: 'required' },
  { name: '발명의 효과', need: 'required' },
  { name: '도면의 간단한 설명', need: 'drawings' },
  { name: '발명을 실시하기 위한 구체적인 내용', need: 'required' },
  { name: '산업상 이용가능성', need: 'optional' },
  { name: '부호의 설명', need: 'optional' },
  { name: '청구범위', need: 'required' },
  { name: '요약서', need: 'required' },
  { name: '요약', need: 'optional' },
  { name: '대표도', need: 'optional' },
  { name: '도면', need: 'optional' },
];

export const SECTION_ORDER = new Map(PATENT_SECTIONS.map((s, i) => [squash(s.name), i]));

export function specHeadings(paragraphs: readonly string[]) {
  return findHeadings(paragraphs).filter((h) => SECTION_ORDER.has(h.name));
}

/** A full specification: at least three known KIPO headings, one of them 발명의 설명 or 청구범위. */
export function isSpecification(paragraphs: readonly string[]): boolean {
  const hs = specHeadings(paragraphs);
  return hs.length >= 3 && hs.some((h) => h.name === '발명의설명' || h.name === '청구범위');
}

export function hasDrawings(paragraphs: readonly string[]): boolean {
  return paragraphs.some((p) => /【도\s*\d+】|【도면】|(?:^|[^가-힣])도\s?\d+[a-z]?(?:은|는|에|을|를|의|과|와)/.test(p));
}
