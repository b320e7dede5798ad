/** Template picker: general templates always, legal templates for the document type. */
import { Field, Select } from '@fluentui/react-components';
import type { StringKey } from '../../i18n/strings';
import type { DocType } from '../../settings/store';
import { useT } from '../i18n';
import { templateLabel, templatesFor, type TemplateInfo } from './templates';

export const DOCTYPE_LABEL: Record<DocType, StringKey> = {
  general: 'genDocTypeGeneral',
  official: 'genDocTypeOfficial',
  patent: 'genDocTypePatent',
  contract: 'genDocTypeContract',
};

export function TemplatePicker(props: {
  templates: TemplateInfo[];
  docType: DocType;
  /** '' for no template. */
  value: string;
  onChange: (id: string) => void;
  fallback?: boolean;
}) {
  const { t, lang } = useT();
  const { general, legal } = templatesFor(props.templates, props.docType);
  const selected = [...general, ...legal].find((x) => x.id === props.value);
  const packLabel = (pack: DocType) => t(DOCTYPE_LABEL[pack]);
  const hint =
    selected?.kind === 'legal' && selected.pack
      ? t('draftTemplateLegalHint', { pack: packLabel(selected.pack) })
      : (selected?.description?.[lang] ?? (props.docType === 'general' ? t('draftTemplateDocTypeHint') : undefined));
  return (
    <Field
      label={t('draftTemplate')}
      hint={hint}
      validationState={props.fallback ? 'warning' : 'none'}
      validationMessage={props.fallback ? t('draftTemplatesFallback') : undefined}
    >
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)} data-testid="template-picker">
        <option value="">{t('draftTemplateNone')}</option>
        {legal.length > 0 && (
          <optgroup label={t('draftTemplateGroupLegal', { docType: t(DOCTYPE_LABEL[props.docType]) })} data-testid="template-group-legal">
            {legal.map((x) => (
              <option key={x.id} value={x.id}>
                {templateLabel(x, lang)}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('draftTemplateGroupGeneral')}>
          {general.map((x) => (
            <option key={x.id} value={x.id}>
              {templateLabel(x, lang)}
            </option>
          ))}
        </optgroup>
      </Select>
    </Field>
  );
}

/** Text for a selected template id (for history etc.). */
export function useTemplateName(): (templates: TemplateInfo[], id: string) => string {
  const { t, lang } = useT();
  return (templates, id) =>
    id
      ? templateLabel(
          templates.find((x) => x.id === id),
          lang,
        ) || id
      : t('draftTemplateNone');
}
