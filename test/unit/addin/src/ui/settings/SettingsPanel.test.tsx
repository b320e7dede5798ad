/** @jest-environment jsdom */
/** Settings panel and settings persistence (localStorage, Office-style key-value store, memory). */
import '../../../../../helpers/pane/polyfills';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getApiKey, setApiKey } from '../../../../../../addin/src/api/credentials';
import type { DocumentHost } from '../../../../../../addin/src/host/DocumentHost';
import { keyValueSettings, localStorageSettings, memorySettings, mergeSettings } from '../../../../../../addin/src/settings/store';
import { SettingsPanel } from '../../../../../../addin/src/ui/settings/SettingsPanel';
import { Wrap } from '../../../../../helpers/pane/proofread-harness';

const host = { kind: 'browser' } as unknown as DocumentHost;
const health = {
  status: 'ok',
  version: '0.1.0',
  model: { reachable: true, model: 'exaone3.5:7.8b', backend: 'vllm', contextWindow: 32768 },
};

afterEach(() => {
  setApiKey('');
  localStorage.clear();
});

describe('SettingsPanel', () => {
  it('shows the relay status from the health object', () => {
    render(
      <Wrap>
        <SettingsPanel host={host} health={health} />
      </Wrap>,
    );
    expect(screen.getByTestId('set-model').textContent).toBe('exaone3.5:7.8b · 모델 연결됨');
    expect(screen.getByTestId('set-backend').textContent).toBe('vLLM');
    expect(screen.getByTestId('set-context').textContent).toBe('32,768 토큰');
  });

  it('persists every choice through the storage it is given', async () => {
    const user = userEvent.setup();
    const storage = memorySettings();
    render(
      <Wrap storage={storage}>
        <SettingsPanel host={host} health={null} />
      </Wrap>,
    );
    await user.click(screen.getByRole('radio', { name: '메모로 남기기' }));
    expect(storage.saved?.applyMode).toBe('comment');
    await user.click(screen.getByRole('checkbox', { name: '띄어쓰기' }));
    await user.click(screen.getByRole('checkbox', { name: '맞춤법' }));
    expect(storage.saved?.categories).toEqual(['spelling', 'spacing']);
    await user.click(screen.getByRole('radio', { name: '해라체 (-다)' }));
    expect(storage.saved?.register).toBe('haera');
    await user.click(screen.getByRole('radio', { name: '특허' }));
    expect(storage.saved?.docType).toBe('patent');
    await user.click(screen.getByRole('switch', { name: '모델 검사 사용 (EXAONE)' }));
    expect(storage.saved?.useModel).toBe(false);
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(storage.saved?.language).toBe('en');
    await user.click(screen.getByRole('radio', { name: '자동 (브라우저 언어)' }));
    expect(storage.saved?.language).toBeNull();
  });

  it('restores saved settings from localStorage', () => {
    localStorage.setItem(
      'sseugi.settings',
      JSON.stringify({ applyMode: 'direct', register: 'haera', docType: 'contract', useModel: false, categories: ['numbers'] }),
    );
    render(
      <Wrap storage={localStorageSettings()}>
        <SettingsPanel host={host} health={null} />
      </Wrap>,
    );
    expect((screen.getByRole('radio', { name: '바로 고치기' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '계약' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '숫자·단위' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('set-use-model') as HTMLInputElement).checked).toBe(false);
  });

  it('keeps the API key in memory only and says so', async () => {
    const user = userEvent.setup();
    const storage = memorySettings();
    render(
      <Wrap storage={storage}>
        <SettingsPanel host={host} health={{ ...health, auth: 'apikey' }} />
      </Wrap>,
    );
    expect(screen.getByText(/저장하지 않습니다/)).toBeTruthy();
    const input = screen.getByTestId('set-api-key').querySelector('input') ?? (screen.getByTestId('set-api-key') as HTMLInputElement);
    expect(input.getAttribute('type')).toBe('password');
    await user.type(input, 'sk-secret-123');
    expect(getApiKey()).toBe('sk-secret-123');
    await user.click(screen.getByRole('radio', { name: '메모로 남기기' }));
    expect(JSON.stringify(storage.saved)).not.toContain('sk-secret');
    expect(JSON.stringify(localStorage)).not.toContain('sk-secret');
    await user.click(screen.getByTestId('set-api-key-clear'));
    expect(getApiKey()).toBe('');
  });

  it('is labelled in English when the pane is', () => {
    render(
      <Wrap lang="en">
        <SettingsPanel
          host={{ kind: 'word' } as unknown as DocumentHost}
          health={{ ...health, model: { ...health.model, reachable: false } }}
        />
      </Wrap>,
    );
    expect(screen.getByTestId('set-model').textContent).toBe('exaone3.5:7.8b · Model server unreachable');
    expect(screen.getByText('Settings are saved in this document.')).toBeTruthy();
    expect(within(screen.getByTestId('set-apply-mode')).getByRole('radio', { name: 'Tracked changes' })).toBeTruthy();
  });
});

describe('settings storage', () => {
  it('round-trips settings and the ignore list through localStorage', () => {
    const s = localStorageSettings();
    s.save(mergeSettings({ applyMode: 'comment' }));
    s.saveIgnored(['a', 'b']);
    expect(mergeSettings(localStorageSettings().load()).applyMode).toBe('comment');
    expect(localStorageSettings().loadIgnored()).toEqual(['a', 'b']);
    localStorage.setItem('sseugi.ignored', '{broken');
    expect(localStorageSettings().loadIgnored()).toEqual([]);
  });

  it('uses a key-value store like Office document settings, flushing on every save', () => {
    const data = new Map<string, unknown>();
    let flushes = 0;
    const s = keyValueSettings({ get: (k) => data.get(k), set: (k, v) => data.set(k, v), flush: () => flushes++ });
    expect(s.load()).toEqual({});
    s.save(mergeSettings({ docType: 'official' }));
    s.saveIgnored(['k1']);
    expect(mergeSettings(s.load()).docType).toBe('official');
    expect(s.loadIgnored()).toEqual(['k1']);
    expect(flushes).toBe(2);
    expect([...data.keys()].sort()).toEqual(['sseugi.ignored', 'sseugi.settings']);
  });

  it('sanitises stored values', () => {
    expect(
      mergeSettings({ applyMode: 'bogus' as never, categories: ['spelling', 'spelling', 3 as never], language: 'fr' as never }),
    ).toMatchObject({
      applyMode: 'tracked',
      categories: ['spelling'],
      language: null,
    });
  });

  // Issue 16 item 9: what Settings shows outside Office and with authentication off.
  it('names the backend for people ("openai" is any OpenAI-compatible server)', () => {
    render(
      <Wrap>
        <SettingsPanel host={host} health={{ ...health, model: { ...health.model, backend: 'openai' } }} />
      </Wrap>,
    );
    expect(screen.getByTestId('set-backend').textContent).toBe('OpenAI 호환 서버');
  });

  it('offers "automatic (browser language)" outside Office and "(Office language)" in Word', () => {
    const { unmount } = render(
      <Wrap>
        <SettingsPanel host={host} health={null} />
      </Wrap>,
    );
    expect(screen.getByRole('radio', { name: '자동 (브라우저 언어)' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '자동 (Office 언어)' })).toBeNull();
    unmount();
    render(
      <Wrap>
        <SettingsPanel host={{ kind: 'word' } as unknown as DocumentHost} health={null} />
      </Wrap>,
    );
    expect(screen.getByRole('radio', { name: '자동 (Office 언어)' })).toBeTruthy();
  });

  it('shows no API-key field when the relay does not use API keys', () => {
    render(
      <Wrap>
        <SettingsPanel host={host} health={{ ...health, auth: 'none' }} />
      </Wrap>,
    );
    expect(screen.queryByTestId('set-api-key')).toBeNull();
  });
});
