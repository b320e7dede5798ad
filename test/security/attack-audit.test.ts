/**
 * Findings 7 and 8 of the attack on the running relay (issue 13): an unwritable audit
 * destination stops the start with one line (exit 1) instead of crashing after "relay
 * started"; later write errors are counted, never thrown; the file is 0600; the digest
 * is an HMAC keyed by a server secret; the systemd unit can write the documented paths.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { httpsRequest, postJson, startTestRelay } from '../helpers/relay';
import { PROJECT_ROOT } from '../../server/paths';
import { loadConfig } from '../../server/config';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('finding 7: the audit destination', () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('an unwritable AUDIT_LOG stops the start with one line and exit 1', async () => {
    // A free port, so that a relay that (wrongly) starts could listen.
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = String((probe.address() as net.AddressInfo).port);
    await new Promise((r) => probe.close(r));
    const state = mkdtempSync(path.join(os.tmpdir(), 'sseugi-state-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'server/main.ts')], {
      env: {
        ...process.env,
        PORT: port,
        LLM_BASE_URL: fake.url,
        AUDIT_LOG: '/etc/hostname/audit.log',
        STATE_DIR: state,
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('Sseugi relay:');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sseugi: Invalid setting AUDIT_LOG: cannot write "\/etc\/hostname\/audit.log"/);
  }, 90_000);

  it('write errors later are counted and logged, never thrown (AUDIT_LOG=/dev/full)', async () => {
    const relay = await startTestRelay({
      LLM_BASE_URL: fake.url,
      AUDIT_LOG: '/dev/full',
      STATE_DIR: mkdtempSync(path.join(os.tmpdir(), 'sseugi-state-')),
    });
    try {
      for (let i = 0; i < 3; i++)
        expect(
          (await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'a', text: '가나다' }], options: { model: false } })).status,
        ).toBe(200);
      await sleep(500);
      expect((await httpsRequest(relay, 'GET', '/api/health')).status).toBe(200);
      const text = await relay.context.metrics.registry.metrics();
      expect(text).toMatch(/sseugi_audit_write_errors_total\{[^}]*\} [1-9]/);
      expect(relay.logs.join('')).toContain('audit write failed');
    } finally {
      await relay.close();
    }
  }, 60_000);
});

describe('finding 8: the audit file is 0600 and the digest is keyed', () => {
  it('HMAC with the generated key from STATE_DIR; equal texts match, sha256 does not', async () => {
    const fake = await startFakeLlm();
    const state = mkdtempSync(path.join(os.tmpdir(), 'sseugi-state-'));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sseugi-audit-')), 'sub', 'audit.log');
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, AUDIT_LOG: file, STATE_DIR: state });
    try {
      for (let i = 0; i < 2; i++)
        expect(
          (await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'a', text: 'hello' }], options: { model: false } })).status,
        ).toBe(200);
      await sleep(300);
    } finally {
      await relay.close();
      await fake.close();
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const keyFile = path.join(state, 'audit-hmac.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const records = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    const plain = createHash('sha256').update('hello').digest('hex');
    const keyed = createHmac('sha256', readFileSync(keyFile, 'utf8').trim()).update('hello').digest('hex');
    expect(JSON.stringify(records)).not.toContain(plain);
    expect(records.map((r) => r['inputHmac'])).toEqual([keyed, keyed]);
  }, 60_000);

  it('AUDIT_HMAC_KEY, when set, is the key (and must be long enough)', () => {
    expect(() => loadConfig({ AUDIT_HMAC_KEY: 'short' } as NodeJS.ProcessEnv)).toThrow(/AUDIT_HMAC_KEY/);
    expect(loadConfig({ AUDIT_HMAC_KEY: 'k'.repeat(32) } as NodeJS.ProcessEnv).AUDIT_HMAC_KEY).toBe('k'.repeat(32));
  });
});

describe('the systemd unit can write what the docs say the relay writes', () => {
  const unit = readFileSync(path.join(PROJECT_ROOT, 'docs/deploy/sseugi.service'), 'utf8');
  const directive = (name: string) => [...unit.matchAll(new RegExp(`^${name}=(.*)$`, 'gm'))].flatMap((m) => m[1]!.trim().split(/\s+/));

  it('LogsDirectory/StateDirectory cover the default AUDIT_LOG and STATE_DIR of the docs', () => {
    const writable = [
      ...directive('LogsDirectory').map((d) => `/var/log/${d}`),
      ...directive('StateDirectory').map((d) => `/var/lib/${d}`),
      ...directive('ReadWritePaths'),
    ];
    const admin = readFileSync(path.join(PROJECT_ROOT, 'docs/ADMIN.md'), 'utf8');
    // The documented production values (docs/ADMIN.md, sseugi.env example).
    const documented = [...admin.matchAll(/^(AUDIT_LOG|STATE_DIR)=(\/\S+)$/gm)].map((m) => m[2]!);
    expect(documented).toEqual(expect.arrayContaining(['/var/log/sseugi/audit.log', '/var/lib/sseugi']));
    for (const p of documented) expect([p, writable.some((w) => p === w || p.startsWith(`${w}/`))]).toEqual([p, true]);
    expect(unit).toMatch(/^ProtectSystem=strict$/m);
  });
});
