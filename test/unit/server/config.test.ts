import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../server/config';

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.LLM_BASE_URL).toEqual(['http://127.0.0.1:11434/v1']);
    expect(c.LLM_MODEL).toBe('exaone3.5:7.8b');
    expect(c.PUBLIC_URL).toBe('https://localhost:3000');
    expect(c.OFFICE_JS_SOURCE).toBe('cdn');
    expect(c.OFFICE_JS_DIR).toBeUndefined();
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
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LLM_BASE_URL: 'ftp://x' }, 'LLM_BASE_URL'],
    [{ LLM_TIMEOUT_MS: '-5' }, 'LLM_TIMEOUT_MS'],
    [{ TLS_CERT: '/etc/cert.pem' }, 'TLS_KEY'],
    [{ OFFICE_JS_SOURCE: 'web' }, 'OFFICE_JS_SOURCE'],
    [{ OFFICE_JS_SOURCE: 'local' }, 'OFFICE_JS_SOURCE'],
    [{ OFFICE_JS_DIR: '/nonexistent/officejs' }, 'OFFICE_JS_DIR'],
    [{ OFFICE_JS_SOURCE: 'mirror' }, 'OFFICE_JS_DIR'],
    [{ PUBLIC_URL: 'http://sseugi.example' }, 'PUBLIC_URL'],
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
  ])('rejects %j naming %s', (env, setting) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid setting ${setting}: `));
    expect((error as Error).message).not.toContain('\n');
  });

  it('does not echo a Redis URL (it may hold a password)', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@host' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@host' })).not.toThrow(/secret/);
  });

  it('reads a config file and lets the environment win', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-cfg-'));
    const file = path.join(dir, 'sseugi.env');
    writeFileSync(file, 'PORT=4000\nLLM_MODEL=from-file\n');
    const c = loadConfig({ SSEUGI_CONFIG: file, LLM_MODEL: 'from-env' });
    expect(c.PORT).toBe(4000);
    expect(c.LLM_MODEL).toBe('from-env');
  });

  it('accepts several upstream URLs', () => {
    expect(loadConfig({ LLM_BASE_URL: 'http://a:8000/v1, http://b:8000/v1/' }).LLM_BASE_URL).toEqual([
      'http://a:8000/v1',
      'http://b:8000/v1',
    ]);
  });

  it('stops the relay process with one line and a non-zero exit on a bad setting', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'abc' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
