/** @jest-environment jsdom */
jest.mock('../../../../../../addin/src/api/client', () => ({
  getJson: jest.fn(),
  postStream: jest.fn(),
  RelayError: class RelayError extends Error {},
}));
import { screen, within } from '@testing-library/react';
import { TemplatePicker } from '../../../../../../addin/src/ui/generate/TemplatePicker';
import { FALLBACK_TEMPLATES, templatesFor, type TemplateInfo } from '../../../../../../addin/src/ui/generate/templates';
import type { DocType } from '../../../../../../addin/src/settings/store';
import { TEMPLATES, renderPane } from '../../../../../helpers/pane/generate-harness';

const all = TEMPLATES.templates as TemplateInfo[];

function options(): string[] {
  return within(screen.getByTestId('template-picker'))
    .getAllByRole('option')
    .map((o) => (o as HTMLOptionElement).value);
}

describe('templatesFor', () => {
  it.each<[DocType, string[]]>([
    ['general', []],
    ['patent', ['patent-claims', 'patent-description']],
    ['official', ['official-draft']],
    ['contract', ['contract-clause']],
  ])('%s shows legal templates %j and every general one', (docType, legal) => {
    const r = templatesFor(all, docType);
    expect(r.legal.map((t) => t.id)).toEqual(legal);
    expect(r.general.map((t) => t.id)).toEqual(['official-letter', 'report-outline', 'email', 'minutes', 'press-release']);
  });

  it('the built-in fallback list has the same ids as the API contract', () => {
    expect(FALLBACK_TEMPLATES.map((t) => t.id).sort()).toEqual(all.map((t) => t.id).sort());
  });
});

describe('TemplatePicker', () => {
  it('general document: no template + the five general templates, and a hint about document types', () => {
    renderPane(<TemplatePicker templates={all} docType="general" value="" onChange={() => undefined} />);
    expect(options()).toEqual(['', 'official-letter', 'report-outline', 'email', 'minutes', 'press-release']);
    expect(screen.getByText('특허·공문서·계약 서식은 설정에서 문서 종류를 고르면 나타납니다.')).toBeTruthy();
  });

  it('특허: claims and description templates with Korean labels, in their own group', () => {
    renderPane(<TemplatePicker templates={all} docType="patent" value="" onChange={() => undefined} />);
    expect(options()).toEqual([
      '',
      'patent-claims',
      'patent-description',
      'official-letter',
      'report-outline',
      'email',
      'minutes',
      'press-release',
    ]);
    expect(screen.getByRole('option', { name: '청구범위 초안' })).toBeTruthy();
    expect(screen.getByTestId('template-group-legal').getAttribute('label')).toBe('특허 서식 (규칙으로 검사)');
  });

  it('공문서 and 계약 show only their own legal template', () => {
    const { unmount } = renderPane(<TemplatePicker templates={all} docType="official" value="" onChange={() => undefined} />);
    expect(options()).toContain('official-draft');
    expect(options()).not.toContain('patent-claims');
    expect(options()).not.toContain('contract-clause');
    unmount();
    renderPane(<TemplatePicker templates={all} docType="contract" value="" onChange={() => undefined} />);
    expect(options()).toContain('contract-clause');
    expect(options()).not.toContain('official-draft');
  });

  it('English labels in English, and a legal template says its drafts are checked', () => {
    renderPane(<TemplatePicker templates={all} docType="patent" value="patent-claims" onChange={() => undefined} />, { lang: 'en' });
    expect(screen.getByRole('option', { name: 'Draft claims' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'No template (free form)' })).toBeTruthy();
    expect(screen.getByText(/checked with the Patent rules/)).toBeTruthy();
  });

  it('reports the choice', () => {
    const onChange = jest.fn();
    renderPane(<TemplatePicker templates={all} docType="patent" value="" onChange={onChange} />);
    const select = screen.getByTestId('template-picker') as HTMLSelectElement;
    select.value = 'patent-claims';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith('patent-claims');
  });
});
