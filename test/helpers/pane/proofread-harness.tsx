/** Rendering helpers for the proofread/settings component tests. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Lang } from '../../../addin/src/i18n/strings';
import { SettingsProvider } from '../../../addin/src/settings/context';
import { memorySettings, type SettingsStorage } from '../../../addin/src/settings/store';
import { LangContext } from '../../../addin/src/ui/i18n';
import type { ProofItem } from '../../../addin/src/ui/proofread/useProofread';

export function Wrap({
  children,
  lang = 'ko',
  storage = memorySettings(),
}: {
  children: ReactNode;
  lang?: Lang;
  storage?: SettingsStorage;
}) {
  return (
    <FluentProvider theme={webLightTheme}>
      <SettingsProvider storage={storage}>
        <LangContext.Provider value={lang}>{children}</LangContext.Provider>
      </SettingsProvider>
    </FluentProvider>
  );
}

export function item(p: Partial<ProofItem> & Pick<ProofItem, 'id' | 'original'>): ProofItem {
  return {
    paragraphId: 'p0',
    start: 0,
    end: p.original.length,
    replacement: 'X',
    category: 'spelling',
    message: '메시지',
    messageEn: 'message',
    source: 'rule',
    confidence: 0.9,
    ...p,
  };
}

export const SAMPLE: ProofItem[] = [
  item({
    id: 'su',
    original: '할수',
    replacement: '할 수',
    category: 'spacing',
    message: "의존 명사 '수'는 띄어 씁니다.",
    rule: '한글 맞춤법 제42항',
  }),
  item({
    id: 'doe',
    original: '됬다',
    start: 8,
    end: 10,
    replacement: '됐다',
    message: "'되었'의 준말은 '됐'입니다.",
    messageEn: 'The contraction is 됐.',
    rule: '한글 맞춤법 제35항',
  }),
  item({ id: 'concept', paragraphId: 'p1', original: '컨셉', replacement: '콘셉트', source: 'dictionary' }),
  item({ id: 'model', paragraphId: 'p2', original: '않', replacement: '안', source: 'model', message: '부정 부사' }),
  item({ id: 'note', paragraphId: 'p3', original: '상기', replacement: null, category: 'style', message: '쉬운 말로 바꾸세요.' }),
];
