/** The settings this part adds: defaults and one-line errors. */
import { ConfigError, loadConfig } from '../../../server/config';

describe('security, limits and observability settings', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      MAX_PARAGRAPHS: 10000,
      MAX_PARAGRAPH_CHARS: 20000,
      RATE_LIMIT_PER_MIN: 60,
      MODEL_CONCURRENCY: 16,
      QUEUE_MAX: 64,
      QUEUE_TIMEOUT_MS: 30000,
      METRICS_HOST: '127.0.0.1',
      CORS_ORIGINS: [],
      CSP_FRAME_ANCESTORS: [],
    });
    expect(c.METRICS_PORT).toBeUndefined();
    expect(c.AUDIT_LOG).toBeUndefined();
    expect(c.auth).toEqual({ mode: 'none', apiKeys: [], oidc: undefined });
  });

  it.each([
    [{ CORS_ORIGINS: 'portal.corp.example' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS'],
    [{ CSP_FRAME_ANCESTORS: '*' }, 'CSP_FRAME_ANCESTORS'],
    [{ MODEL_CONCURRENCY: '0' }, 'MODEL_CONCURRENCY'],
    [{ QUEUE_MAX: '-1' }, 'QUEUE_MAX'],
    [{ RATE_LIMIT_PER_MIN: 'lots' }, 'RATE_LIMIT_PER_MIN'],
    [{ METRICS_PORT: '70000' }, 'METRICS_PORT'],
    [{ AUTH_MODE: 'apikey' }, 'API_KEYS'],
    [{ AUTH_MODE: 'oidc' }, 'OIDC_ISSUER'],
    [{ HOST: '0.0.0.0' }, 'AUTH_MODE'],
  ])('rejects %j naming %s in one line', (env, setting) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as Error).message).not.toContain('\n');
  });

  it('does not echo a Redis URL (it may hold a password)', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@host' })).toThrow(/REDIS_URL/);
    try {
      loadConfig({ REDIS_URL: 'http://user:secret@host' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });
});
