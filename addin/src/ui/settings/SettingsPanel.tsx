/** Settings: relay status, apply mode, categories, register, language, document type, model layer, API key. */
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { getApiKey, relayAuthMode, setApiKey, signIn } from '../../api/credentials';
import { CATEGORY_ORDER, type Category } from '../../core/suggestions';
import type { ApplyMode, DocumentHost } from '../../host/DocumentHost';
import { useSettings } from '../../settings/context';
import type { DocType, Register } from '../../settings/store';
import type { StringKey } from '../../i18n/strings';
import { useT } from '../i18n';
import { CATEGORY_KEY, DOC_TYPE_KEY, DOC_TYPES } from '../proofread/labels';
import type { Health } from '../RelayStatus';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  status: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    wordBreak: 'break-word',
  },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0 },
  cats: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
});

/** The model server's kind as a person reads it ("openai" means any OpenAI-compatible server). */
function backendLabel(t: ReturnType<typeof useT>['t'], backend: string | undefined): string {
  const key = backend ? BACKEND_KEY[backend] : undefined;
  return key ? t(key) : (backend ?? '—');
}

const BACKEND_KEY: Record<string, StringKey> = {
  vllm: 'setBackendVllm',
  llamacpp: 'setBackendLlamacpp',
  ollama: 'setBackendOllama',
  openai: 'setBackendOpenai',
};

function RelayInfo({ health }: { health: Health | null }) {
  const { t } = useT();
  const styles = useStyles();
  const m = health?.model;
  const state = !health ? t('setRelayUnknown') : m?.reachable ? t('setRelayReachable') : t('setRelayUnreachable');
  return (
    <section aria-labelledby="set-relay" data-testid="set-relay">
      <Text as="h2" size={400} weight="semibold" id="set-relay">
        {t('setRelay')}
      </Text>
      <dl className={styles.status}>
        <dt className={styles.dt}>{t('setModel')}</dt>
        <dd className={styles.dd} data-testid="set-model">
          {m?.model ?? '—'} · {state}
        </dd>
        <dt className={styles.dt}>{t('setBackend')}</dt>
        <dd className={styles.dd} data-testid="set-backend">
          {backendLabel(t, m?.backend)}
        </dd>
        <dt className={styles.dt}>{t('setContextWindow')}</dt>
        <dd className={styles.dd} data-testid="set-context">
          {m?.contextWindow ? t('setTokens', { n: m.contextWindow.toLocaleString() }) : '—'}
        </dd>
        {health?.version && (
          <>
            <dt className={styles.dt}>{t('setVersion')}</dt>
            <dd className={styles.dd}>{health.version}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

export function SettingsPanel({ host, health }: { host: DocumentHost; health: Health | null }) {
  const { t } = useT();
  const styles = useStyles();
  const { settings, update } = useSettings();
  const [key, setKey] = useState(getApiKey());
  const [keySet, setKeySet] = useState(getApiKey() !== '');
  const [signInState, setSignInState] = useState<'idle' | 'ok' | 'failed'>('idle');
  const toggleCategory = (c: Category, on: boolean) => {
    const set = new Set(settings.categories);
    if (on) set.add(c);
    else set.delete(c);
    update({ categories: CATEGORY_ORDER.filter((x) => set.has(x)) });
  };
  return (
    <div className={styles.col} data-testid="settings-panel">
      <RelayInfo health={health} />
      <Field label={t('setApplyMode')}>
        <RadioGroup
          value={settings.applyMode}
          onChange={(_, d) => update({ applyMode: d.value as ApplyMode })}
          data-testid="set-apply-mode"
        >
          <Radio value="tracked" label={t('setApplyTracked')} />
          <Radio value="direct" label={t('setApplyDirect')} />
          <Radio value="comment" label={t('setApplyComment')} />
        </RadioGroup>
      </Field>
      <fieldset className={styles.fieldset} data-testid="set-categories">
        <legend>
          <Text weight="semibold">{t('setCategories')}</Text>
        </legend>
        <Text size={200} block>
          {t('setCategoriesHint')}
        </Text>
        <div className={styles.cats}>
          {CATEGORY_ORDER.map((c) => (
            <Checkbox
              key={c}
              label={t(CATEGORY_KEY[c])}
              checked={settings.categories.includes(c)}
              onChange={(_, d) => toggleCategory(c, d.checked === true)}
              data-category={c}
            />
          ))}
        </div>
      </fieldset>
      <Field label={t('setRegister')}>
        <RadioGroup value={settings.register} onChange={(_, d) => update({ register: d.value as Register })} data-testid="set-register">
          <Radio value="hapsyo" label={t('setRegisterHapsyo')} />
          <Radio value="haera" label={t('setRegisterHaera')} />
        </RadioGroup>
      </Field>
      <Field label={t('setLanguage')}>
        <RadioGroup
          value={settings.language ?? 'auto'}
          onChange={(_, d) => update({ language: d.value === 'ko' || d.value === 'en' ? d.value : null })}
          data-testid="set-language"
        >
          <Radio value="auto" label={t(host.kind === 'word' ? 'setLanguageAuto' : 'setLanguageAutoBrowser')} />
          <Radio value="ko" label="한국어" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
      <Field label={t('setDocType')}>
        <RadioGroup value={settings.docType} onChange={(_, d) => update({ docType: d.value as DocType })} data-testid="set-doctype">
          {DOC_TYPES.map((d) => (
            <Radio key={d} value={d} label={t(DOC_TYPE_KEY[d])} />
          ))}
        </RadioGroup>
      </Field>
      <Field>
        <Switch
          checked={settings.recommendations}
          onChange={(_, d) => update({ recommendations: d.checked })}
          label={t('setRecommendations')}
          data-testid="set-recommendations"
        />
      </Field>
      <Field hint={t('setUseModelHint')}>
        <Switch
          checked={settings.useModel}
          onChange={(_, d) => update({ useModel: d.checked })}
          label={t('setUseModel')}
          data-testid="set-use-model"
        />
      </Field>
      {(health?.auth ?? relayAuthMode()) === 'oidc' && (
        <Field
          label={t('setSignIn')}
          hint={t('setSignInHint')}
          validationState={signInState === 'failed' ? 'error' : signInState === 'ok' ? 'success' : 'none'}
          validationMessage={signInState === 'failed' ? t('setSignInFailed') : signInState === 'ok' ? t('setSignInOk') : undefined}
        >
          <Button
            onClick={() => {
              void signIn()
                .then((token) => setSignInState(token ? 'ok' : 'failed'))
                .catch(() => setSignInState('failed'));
            }}
            data-testid="set-sign-in"
          >
            {t('setSignIn')}
          </Button>
        </Field>
      )}
      {/* An API key only matters when the relay asks for one (AUTH_MODE=apikey). */}
      {(health?.auth ?? relayAuthMode()) === 'apikey' && (
        <Field
          label={t('setApiKey')}
          hint={t('setApiKeyHint')}
          validationState={keySet ? 'success' : 'none'}
          validationMessage={keySet ? t('setApiKeySet') : undefined}
        >
          <div className={styles.row}>
            <Input
              className={styles.grow}
              type="password"
              autoComplete="off"
              value={key}
              onChange={(_, d) => {
                setKey(d.value);
                setApiKey(d.value);
                setKeySet(d.value.trim() !== '');
              }}
              data-testid="set-api-key"
            />
            <Button
              onClick={() => {
                setKey('');
                setApiKey('');
                setKeySet(false);
              }}
              disabled={!key}
              data-testid="set-api-key-clear"
            >
              {t('setApiKeyClear')}
            </Button>
          </div>
        </Field>
      )}
      <Text size={200} data-testid="set-saved-where">
        {host.kind === 'word' ? t('setSavedWord') : t('setSavedBrowser')}
      </Text>
    </div>
  );
}
