/** @jest-environment jsdom */
import '../../../../../helpers/pane/polyfills';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SettingsPanel } from '../../../../../../addin/src/ui/settings/SettingsPanel';
import { SettingsProvider } from '../../../../../../addin/src/settings/context';
import { memorySettings } from '../../../../../../addin/src/settings/store';
import { LangContext } from '../../../../../../addin/src/ui/i18n';
import * as credentials from '../../../../../../addin/src/api/credentials';
import type { DocumentHost } from '../../../../../../addin/src/host/DocumentHost';

function renderPanel(auth: 'none' | 'apikey' | 'oidc') {
  const host = { kind: 'browser' } as unknown as DocumentHost;
  const health = { status: 'ok', version: '0.1.0', auth, model: { reachable: true, model: 'exaone3.5:7.8b' } };
  return render(
    <FluentProvider theme={webLightTheme}>
      <SettingsProvider storage={memorySettings()}>
        <LangContext.Provider value="ko">
          <SettingsPanel host={host} health={health} />
        </LangContext.Provider>
      </SettingsProvider>
    </FluentProvider>,
  );
}

describe('sign-in in the settings panel', () => {
  afterEach(() => jest.restoreAllMocks());

  it('offers organisation sign-in only when the relay uses OIDC', () => {
    const { unmount } = renderPanel('apikey');
    expect(screen.queryByTestId('set-sign-in')).toBeNull();
    unmount();
    renderPanel('oidc');
    expect(screen.getByTestId('set-sign-in').textContent).toBe('조직 계정으로 로그인');
  });

  it('signs in through the credential manager and says whether it worked', async () => {
    const signIn = jest.spyOn(credentials, 'signIn').mockResolvedValueOnce(null).mockResolvedValueOnce('token');
    const user = userEvent.setup();
    renderPanel('oidc');
    await user.click(screen.getByTestId('set-sign-in'));
    await waitFor(() => expect(screen.getByText('로그인하지 못했습니다. 다시 시도하거나 관리자에게 문의하세요.')).toBeTruthy());
    await user.click(screen.getByTestId('set-sign-in'));
    await waitFor(() => expect(screen.getByText('로그인했습니다.')).toBeTruthy());
    expect(signIn).toHaveBeenCalledTimes(2);
  });
});
