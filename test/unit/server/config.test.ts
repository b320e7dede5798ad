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
  ])('rejects %j naming %s', (env, setting) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(setting);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid setting ${setting}: expected`));
    expect((error as Error).message).not.toContain('\n');
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
