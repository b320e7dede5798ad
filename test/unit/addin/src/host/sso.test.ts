import { WordHost } from '../../../../../addin/src/host/WordHost';
import { AuthDialogError, classifySsoError, parseDialogMessage, SSO_FALLBACK_CODES, SsoError } from '../../../../../addin/src/host/sso';
import { FakeWord } from '../../../../helpers/fake-word';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE5MDAwMDAwMDB9.c2ln';
const DIALOG_URL = 'https://relay.example/auth/dialog.html';

describe('classifySsoError (pure)', () => {
  it.each([13000, 13001, 13003, 13004, 13005, 13007, 13012, 13013, 50001])('%i falls back to the dialog', (code) => {
    expect(classifySsoError({ code, message: 'x' })).toEqual({ fallback: true, code });
    expect(SSO_FALLBACK_CODES.has(code)).toBe(true);
  });

  it.each([
    [13002, 'cancelled'],
    [13006, 'client'],
    [13008, 'busy'],
    [13010, 'client'],
    [13999, 'unknown'],
  ] as const)('%i is a typed SsoError (%s)', (code, kind) => {
    const o = classifySsoError({ code, message: 'Office says no' });
    expect(o.fallback).toBe(false);
    if (o.fallback) return;
    expect(o.error).toBeInstanceOf(SsoError);
    expect(o.error.code).toBe(code);
    expect(o.error.kind).toBe(kind);
    expect(o.error.message).toBe('Office says no');
  });

  it('accepts string codes and falls back on errors without a code', () => {
    expect(classifySsoError({ code: '13003' })).toEqual({ fallback: true, code: 13003 });
    expect(classifySsoError(new Error('no code'))).toEqual({ fallback: true, code: undefined });
    expect(classifySsoError(undefined)).toEqual({ fallback: true, code: undefined });
  });
});

describe('parseDialogMessage (pure)', () => {
  it("reads the page's JSON message, a bare JWT, and an error", () => {
    expect(parseDialogMessage(JSON.stringify({ type: 'sseugi-auth', accessToken: JWT }), undefined, undefined)).toEqual({
      ok: true,
      token: JWT,
    });
    expect(parseDialogMessage(JWT, 'https://relay.example', 'https://relay.example')).toEqual({ ok: true, token: JWT });
    expect(parseDialogMessage({ type: 'sseugi-auth', error: 'access_denied' }, undefined, undefined)).toEqual({
      ok: false,
      error: 'access_denied',
    });
  });
  it('ignores other origins, other shapes and non-JWT tokens', () => {
    expect(parseDialogMessage(JWT, 'https://evil.example', 'https://relay.example')).toBeNull();
    expect(parseDialogMessage('hello', undefined, undefined)).toBeNull();
    expect(parseDialogMessage({ type: 'other', accessToken: JWT }, undefined, undefined)).toBeNull();
    expect(parseDialogMessage({ type: 'sseugi-auth', accessToken: 'not a jwt' }, undefined, undefined)).toBeNull();
  });
  it('AuthDialogError maps Office dialog codes', () => {
    expect(new AuthDialogError(12006).kind).toBe('closed');
    expect(new AuthDialogError(12007).kind).toBe('busy');
    expect(new AuthDialogError(12009).kind).toBe('blocked');
    expect(new AuthDialogError(12002).kind).toBe('unreachable');
    expect(new AuthDialogError(1).kind).toBe('unknown');
  });
});

describe('WordHost sign-in (fake Office)', () => {
  let fake: FakeWord;
  let uninstall: () => void;
  beforeEach(() => {
    fake = new FakeWord({ paragraphs: [''] });
    uninstall = fake.install();
  });
  afterEach(() => uninstall());

  it('getSsoToken returns the token and asks for our API, not Graph, with prompts allowed', async () => {
    fake.sso = JWT;
    await expect(new WordHost().getSsoToken()).resolves.toBe(JWT);
    expect(fake.ssoCalls).toEqual([{ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false }]);
  });

  it('getSsoToken returns null without Office.auth and on the fallback codes', async () => {
    fake.sso = null;
    await expect(new WordHost().getSsoToken()).resolves.toBeNull();
    for (const code of [13000, 13001, 13003, 13007, 13012]) {
      fake.sso = { code };
      await expect(new WordHost().getSsoToken()).resolves.toBeNull();
    }
  });

  it('getSsoToken rethrows the others as SsoError', async () => {
    fake.sso = { code: 13002, message: 'cancelled' };
    await expect(new WordHost().getSsoToken()).rejects.toMatchObject({ name: 'SsoError', code: 13002, kind: 'cancelled' });
    fake.sso = { code: 13006 };
    await expect(new WordHost().getSsoToken()).rejects.toBeInstanceOf(SsoError);
  });

  async function opened(): Promise<void> {
    for (let i = 0; i < 20 && fake.dialogs.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
  }

  it('openAuthDialog opens the page at 60%x30% and resolves with the posted token, closing the dialog', async () => {
    const p = new WordHost().openAuthDialog(DIALOG_URL);
    await opened();
    const d = fake.dialogs[0]!;
    expect(d.url).toBe(DIALOG_URL);
    expect(d.options).toEqual({ height: 60, width: 30 });
    d.message('noise', 'https://relay.example');
    d.message(JSON.stringify({ type: 'sseugi-auth', accessToken: JWT }), 'https://evil.example'); // wrong origin: ignored
    d.message(JSON.stringify({ type: 'sseugi-auth', accessToken: JWT }), 'https://relay.example');
    await expect(p).resolves.toBe(JWT);
    expect(d.closed).toBe(true);
  });

  it('openAuthDialog rejects when the user closes the dialog (12006) or the page reports an error', async () => {
    const p = new WordHost().openAuthDialog(DIALOG_URL);
    await opened();
    fake.dialogs[0]!.event(12006);
    await expect(p).rejects.toMatchObject({ name: 'AuthDialogError', code: 12006, kind: 'closed' });

    const q = new WordHost().openAuthDialog(DIALOG_URL);
    for (let i = 0; i < 20 && fake.dialogs.length < 2; i++) await new Promise((r) => setTimeout(r, 0));
    fake.dialogs[1]!.message(JSON.stringify({ type: 'sseugi-auth', error: 'access_denied' }));
    await expect(q).rejects.toMatchObject({ kind: 'signin-failed', message: 'access_denied' });
    expect(fake.dialogs[1]!.closed).toBe(true);
  });

  it('openAuthDialog rejects when the dialog cannot open (12007 already open)', async () => {
    fake.dialogOpenError = 12007;
    await expect(new WordHost().openAuthDialog(DIALOG_URL)).rejects.toMatchObject({ code: 12007, kind: 'busy' });
  });
});
