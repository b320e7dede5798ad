import { RelayError } from '../../../../../addin/src/api/client';
import {
  createCredentialManager,
  jwtExp,
  openAuthPopup,
  TOKEN_EXPIRY_MARGIN_MS,
  withAuthRetry,
  type CredentialDeps,
  type RelayAuthInfo,
  type SignInHost,
} from '../../../../../addin/src/api/credentials';
import { AuthDialogError, SsoError } from '../../../../../addin/src/host/sso';

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: object) => `${b64url({ alg: 'RS256' })}.${b64url(payload)}.c2ln`;

const T0 = 1_900_000_000_000;

function setup(opts: { info?: RelayAuthInfo; host?: Partial<SignInHost> | null; popup?: () => Promise<string>; key?: string } = {}) {
  let t = T0;
  const calls = { health: 0, sso: 0, dialog: 0, popup: 0, dialogUrls: [] as string[] };
  const host: SignInHost | null =
    opts.host === null
      ? null
      : {
          getSsoToken: async () => {
            calls.sso++;
            return (opts.host?.getSsoToken ? opts.host.getSsoToken() : null) as Promise<string | null>;
          },
          openAuthDialog: async (url: string) => {
            calls.dialog++;
            calls.dialogUrls.push(url);
            if (!opts.host?.openAuthDialog) throw new Error('no dialog in this test');
            return opts.host.openAuthDialog(url);
          },
        };
  const deps: CredentialDeps = {
    fetchAuthInfo: async () => {
      calls.health++;
      return opts.info ?? { auth: 'oidc', oidcDialog: true };
    },
    signInHost: () => host,
    openPopup: async () => {
      calls.popup++;
      if (!opts.popup) throw new Error('no popup in this test');
      return opts.popup();
    },
    dialogUrl: () => 'https://relay.example/auth/dialog.html',
    apiKey: () => opts.key ?? '',
    now: () => t,
  };
  const m = createCredentialManager(deps);
  return { m, calls, advance: (ms: number) => (t += ms) };
}

describe('jwtExp', () => {
  it('reads exp without verifying; undefined for garbage', () => {
    expect(jwtExp(jwt({ exp: 1900000123, sub: '김' }))).toBe(1900000123);
    expect(jwtExp(jwt({ sub: 'x' }))).toBeUndefined();
    expect(jwtExp('not.a-jwt')).toBeUndefined();
    expect(jwtExp('')).toBeUndefined();
  });
});

describe('credential manager', () => {
  const exp = T0 / 1000 + 3600;

  it('apikey / none: the API key as before, no SSO', async () => {
    const { m, calls } = setup({ info: { auth: 'apikey', oidcDialog: false }, key: 'sk-1', host: { getSsoToken: async () => 'x' } });
    expect(await m.headers()).toEqual({ authorization: 'Bearer sk-1' });
    expect(await m.headers()).toEqual({ authorization: 'Bearer sk-1' });
    expect(calls.health).toBe(1);
    expect(calls.sso).toBe(0);
    const none = setup({ info: { auth: 'none', oidcDialog: false } });
    expect(await none.m.headers()).toEqual({});
  });

  it('relay unreachable for health: falls back to the API key and asks again next time', async () => {
    let n = 0;
    const m = createCredentialManager({
      fetchAuthInfo: async () => {
        if (n++ === 0) throw new Error('down');
        return { auth: 'apikey', oidcDialog: false };
      },
      signInHost: () => null,
      openPopup: async () => '',
      dialogUrl: () => '',
      apiKey: () => 'sk-2',
    });
    expect(await m.headers()).toEqual({ authorization: 'Bearer sk-2' });
    expect(await m.headers()).toEqual({ authorization: 'Bearer sk-2' });
    expect(n).toBe(2);
  });

  it('oidc in Word: SSO token, cached until shortly before exp, then fetched again', async () => {
    const tok = jwt({ exp });
    const { m, calls, advance } = setup({ host: { getSsoToken: async () => tok } });
    expect(await m.headers()).toEqual({ authorization: `Bearer ${tok}` });
    advance(3600_000 - TOKEN_EXPIRY_MARGIN_MS - 1000);
    await m.headers();
    expect(calls.sso).toBe(1);
    advance(2000); // within the margin
    await m.headers();
    expect(calls.sso).toBe(2);
    expect(calls.dialog).toBe(0);
  });

  it('concurrent requests share one sign-in', async () => {
    let resolve!: (v: string) => void;
    const { m, calls } = setup({ host: { getSsoToken: () => new Promise<string>((r) => (resolve = r)) } });
    const a = m.headers();
    const b = m.headers();
    await new Promise((r) => setTimeout(r, 0));
    resolve(jwt({ exp }));
    await Promise.all([a, b]);
    expect(calls.sso).toBe(1);
  });

  it('SSO unavailable (null): the dialog, and later SSO is not tried again this session', async () => {
    const tok = jwt({ exp });
    const { m, calls, advance } = setup({ host: { getSsoToken: async () => null, openAuthDialog: async () => tok } });
    expect(await m.headers()).toEqual({ authorization: `Bearer ${tok}` });
    expect(calls).toMatchObject({ sso: 1, dialog: 1 });
    expect(calls.dialogUrls).toEqual(['https://relay.example/auth/dialog.html']);
    advance(3600_000); // expired: the dialog again (it worked before), not SSO
    await m.headers();
    expect(calls).toMatchObject({ sso: 1, dialog: 2 });
  });

  it('a dialog that was closed is not reopened automatically; signIn() reopens it', async () => {
    let closed = true;
    const tok = jwt({ exp });
    const { m, calls } = setup({
      host: {
        getSsoToken: async () => null,
        openAuthDialog: async () => {
          if (closed) throw new AuthDialogError(12006);
          return tok;
        },
      },
    });
    await expect(m.headers()).rejects.toBeInstanceOf(AuthDialogError);
    expect(await m.headers()).toEqual({});
    expect(calls.dialog).toBe(1);
    closed = false;
    await expect(m.signIn()).resolves.toBe(tok);
    expect(calls.dialog).toBe(2);
    expect(await m.headers()).toEqual({ authorization: `Bearer ${tok}` });
  });

  it('no dialog configured on the relay: no token, no dialog', async () => {
    const { m, calls } = setup({ info: { auth: 'oidc', oidcDialog: false }, host: { getSsoToken: async () => null } });
    expect(await m.headers()).toEqual({});
    expect(calls.dialog).toBe(0);
  });

  it('an SsoError (user cancelled) is not a fallback: it propagates and no dialog opens', async () => {
    const { m, calls } = setup({
      host: {
        getSsoToken: async () => {
          throw new SsoError(13002, 'cancelled', 'cancelled');
        },
      },
    });
    await expect(m.headers()).rejects.toBeInstanceOf(SsoError);
    expect(calls.dialog).toBe(0);
  });

  it('standalone (no Word host): the pop-up, never SSO', async () => {
    const tok = jwt({ exp });
    const { m, calls } = setup({ host: null, popup: async () => tok });
    expect(await m.headers()).toEqual({ authorization: `Bearer ${tok}` });
    expect(calls).toMatchObject({ sso: 0, popup: 1 });
  });

  it('a token without exp is used once, not cached', async () => {
    const { m, calls } = setup({ host: { getSsoToken: async () => jwt({ sub: 'x' }) } });
    await m.headers();
    await m.headers();
    expect(calls.sso).toBe(2);
  });
});

describe('withAuthRetry', () => {
  const expired = () => new RelayError('AUTH_EXPIRED', 401, 'expired');

  it('on 401 AUTH_EXPIRED under oidc: drops the token and retries exactly once', async () => {
    const tok1 = jwt({ exp: T0 / 1000 + 3600, n: 1 });
    const tok2 = jwt({ exp: T0 / 1000 + 3600, n: 2 });
    const tokens = [tok1, tok2];
    const { m, calls } = setup({ host: { getSsoToken: async () => tokens.shift() ?? jwt({ exp: T0 / 1000 + 3600, n: 3 }) } });
    const seen: string[] = [];
    const call = async () => {
      const h = await m.headers();
      seen.push(h.authorization!);
      if (seen.length === 1) throw expired();
      return 'ok';
    };
    await expect(withAuthRetry(call, m)).resolves.toBe('ok');
    expect(seen).toEqual([`Bearer ${tok1}`, `Bearer ${tok2}`]);
    expect(calls.sso).toBe(2);

    let n = 0;
    const always = async () => {
      n++;
      await m.headers();
      throw expired();
    };
    await expect(withAuthRetry(always, m)).rejects.toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(n).toBe(2);
  });

  it('does not retry other errors or in apikey mode', async () => {
    const { m } = setup({ info: { auth: 'apikey', oidcDialog: false }, key: 'k' });
    await m.headers();
    let n = 0;
    await expect(
      withAuthRetry(async () => {
        n++;
        throw expired();
      }, m),
    ).rejects.toBeInstanceOf(RelayError);
    expect(n).toBe(1);
    const o = setup({ host: { getSsoToken: async () => jwt({ exp: T0 / 1000 + 3600 }) } });
    await o.m.headers();
    n = 0;
    await expect(
      withAuthRetry(async () => {
        n++;
        throw new RelayError('RATE_LIMITED', 429, 'slow down');
      }, o.m),
    ).rejects.toMatchObject({ status: 429 });
    expect(n).toBe(1);
  });
});

describe('openAuthPopup (standalone)', () => {
  function fakeWindow(popup: { closed: boolean } | null) {
    const handlers = new Set<(e: MessageEvent) => void>();
    const win = {
      location: { origin: 'https://relay.example' },
      open: jest.fn(() => popup),
      addEventListener: (_t: string, h: (e: MessageEvent) => void) => handlers.add(h),
      removeEventListener: (_t: string, h: (e: MessageEvent) => void) => handlers.delete(h),
    };
    const post = (data: unknown, origin: string, source: unknown) => {
      for (const h of [...handlers]) h({ data, origin, source } as MessageEvent);
    };
    return { win: win as unknown as Window, post, handlers };
  }

  it('resolves with the token posted by the pop-up from the same origin only', async () => {
    const popup = { closed: false };
    const { win, post, handlers } = fakeWindow(popup);
    const tok = jwt({ exp: 1 });
    const p = openAuthPopup('https://relay.example/auth/dialog.html', win);
    post({ type: 'sseugi-auth', accessToken: tok }, 'https://evil.example', popup); // other origin
    post({ type: 'sseugi-auth', accessToken: tok }, 'https://relay.example', {}); // other window
    post({ type: 'sseugi-auth', accessToken: tok }, 'https://relay.example', popup);
    await expect(p).resolves.toBe(tok);
    expect(handlers.size).toBe(0);
  });

  it('rejects when the pop-up is blocked or closed', async () => {
    await expect(openAuthPopup('https://relay.example/auth/dialog.html', fakeWindow(null).win)).rejects.toMatchObject({ kind: 'blocked' });
    jest.useFakeTimers();
    try {
      const popup = { closed: false };
      const p = openAuthPopup('https://relay.example/auth/dialog.html', fakeWindow(popup).win);
      popup.closed = true;
      jest.advanceTimersByTime(600);
      await expect(p).rejects.toMatchObject({ kind: 'closed' });
    } finally {
      jest.useRealTimers();
    }
  });
});
