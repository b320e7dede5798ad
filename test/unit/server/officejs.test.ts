/**
 * Office.js: the CDN by default; `npm run officejs:mirror` against a local stand-in of
 * the CDN (a real HTTP server: --from URL); the relay serving the mirror with
 * OFFICE_JS_DIR, reporting it in /api/health and allowing only 'self' scripts.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as mirror } from '../../../server/cli/officejs-mirror';
import { MIRROR_FILES, MIRROR_MANIFEST, OFFICE_JS_CDN, describeOfficeJs, officeJsStatus } from '../../../server/officejs';
import { httpsRequest, startTestRelay, startKeyedRelay } from '../../helpers/relay';
import { startFakeLlm, type FakeLlm } from '../../helpers/fake-llm';

const ROOT = join(__dirname, '..', '..', '..');
const execFileAsync = promisify(execFile);

/** A stand-in of appsforoffice.microsoft.com/lib/1/hosted/: serves `files`, 404 otherwise. */
function cdnStandIn(files: Record<string, string>): Promise<{ url: string; server: Server; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const p = decodeURIComponent((req.url ?? '').replace(/^\/lib\/1\/hosted\//, ''));
    hits.push(p);
    if (p in files) {
      res.writeHead(200, { 'content-type': 'application/javascript' }).end(files[p]);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/lib/1/hosted/`, server, hits });
    }),
  );
}

const cdnFiles = Object.fromEntries(MIRROR_FILES.required.map((p) => [p, `/* ${p} */ var Office = Office || {};`]));
/** A script src in the (minified, maybe unquoted) built page. */
const srcOf = (url: string) => new RegExp(`src="?${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[" >]`);
const quiet = { out: () => undefined, err: () => undefined };

describe('npm run officejs:mirror', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'sseugi-officejs-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('is an npm script', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.scripts['officejs:mirror']).toBe('tsx server/cli/officejs-mirror.ts');
    // the stale npm copy is no longer a dependency
    expect(pkg.dependencies['@microsoft/office-js']).toBeUndefined();
  });

  it('downloads office.js, the Word host scripts and the ko-KR/en-US strings, with a dated manifest', async () => {
    const cdn = await cdnStandIn({ ...cdnFiles, 'es6-promise.js': '/* promise */' });
    try {
      const out = join(work, 'officejs');
      const lines: string[] = [];
      const code = await mirror(['--out', out, '--from', cdn.url], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
      expect(code).toBe(0);
      for (const p of MIRROR_FILES.required) expect(readFileSync(join(out, p), 'utf8')).toBe(cdnFiles[p]);
      expect(readFileSync(join(out, 'es6-promise.js'), 'utf8')).toBe('/* promise */');
      // a missing optional file (404 at the stand-in) is not an error
      expect(existsSync(join(out, 'word-win32-16.00.js'))).toBe(false);
      const info = JSON.parse(readFileSync(join(out, MIRROR_MANIFEST), 'utf8'));
      expect(info.from).toBe(cdn.url);
      expect(Date.now() - Date.parse(info.fetchedAt)).toBeLessThan(10 * 60_000);
      expect(info.files.map((f: { path: string }) => f.path)).toEqual(
        expect.arrayContaining(['office.js', 'ko-kr/office_strings.js', 'word-web-16.00.js']),
      );
      expect(info.files.find((f: { path: string }) => f.path === 'office.js').sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(lines.join('')).toContain(`OFFICE_JS_DIR=${out}`);
      expect(cdn.hits).toEqual(expect.arrayContaining(['office.js', 'word-win32-16.01.js', 'en-us/office_strings.js']));
      expect(describeOfficeJs(officeJsStatus({ OFFICE_JS_DIR: out }))).toContain(info.fetchedAt);
    } finally {
      cdn.server.close();
    }
  });

  it('runs as `npm run officejs:mirror -- --out DIR --from URL` (a child process against the stand-in)', async () => {
    const cdn = await cdnStandIn(cdnFiles);
    try {
      const out = join(work, 'via-npm');
      const { stdout } = await execFileAsync('npm', ['run', '--silent', 'officejs:mirror', '--', '--out', out, '--from', cdn.url], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(stdout).toMatch(/Office\.js mirror: \d+ files/);
      expect(readFileSync(join(out, 'office.js'), 'utf8')).toBe(cdnFiles['office.js']);
    } finally {
      cdn.server.close();
    }
  }, 120_000);

  it('writes nothing (and keeps an older mirror) when a required file is missing', async () => {
    const partial = { ...cdnFiles };
    delete partial['word-web-16.00.js'];
    const cdn = await cdnStandIn(partial);
    try {
      const out = join(work, 'officejs');
      mkdirSync(out);
      writeFileSync(join(out, 'office.js'), 'old');
      const errs: string[] = [];
      const code = await mirror(['--out', out, '--from', cdn.url], { out: () => undefined, err: (s) => errs.push(s) });
      expect(code).toBe(1);
      expect(errs.join('')).toMatch(/word-web-16\.00\.js: HTTP 404/);
      expect(readFileSync(join(out, 'office.js'), 'utf8')).toBe('old');
    } finally {
      cdn.server.close();
    }
  });

  it('rejects bad arguments with exit code 2', async () => {
    expect(await mirror([], quiet)).toBe(2);
    expect(await mirror(['--out', join(work, 'x'), '--from', 'ftp://example'], quiet)).toBe(2);
  });
});

describe('the relay and Office.js', () => {
  let fake: FakeLlm;
  let dir: string;
  beforeAll(async () => {
    fake = await startFakeLlm();
    dir = mkdtempSync(join(tmpdir(), 'sseugi-officejs-relay-'));
    const cdn = await cdnStandIn(cdnFiles);
    try {
      expect(await mirror(['--out', join(dir, 'm'), '--from', cdn.url], quiet)).toBe(0);
    } finally {
      cdn.server.close();
    }
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('by default: the pane loads the CDN, /api/health says so, the CSP allows the CDN origin', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    try {
      const pane = await httpsRequest(relay, 'GET', '/taskpane.html');
      expect(pane.body).toMatch(srcOf(OFFICE_JS_CDN));
      expect(String(pane.headers['content-security-policy'])).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      const health = JSON.parse((await httpsRequest(relay, 'GET', '/api/health')).body);
      expect(health.officeJs).toEqual({ source: 'cdn', url: OFFICE_JS_CDN });
    } finally {
      await relay.close();
    }
  });

  it('with OFFICE_JS_DIR: serves the mirror (publicly), reports its date, and allows only self scripts', async () => {
    const m = join(dir, 'm');
    const info = JSON.parse(readFileSync(join(m, MIRROR_MANIFEST), 'utf8'));
    const relay = await startTestRelay({ LLM_BASE_URL: fake.url, OFFICE_JS_DIR: m });
    try {
      const pane = await httpsRequest(relay, 'GET', '/taskpane.html');
      expect(pane.body).toMatch(srcOf('/office-js/office.js'));
      expect(String(pane.headers['content-security-policy'])).toMatch(/script-src 'self';/);
      const js = await httpsRequest(relay, 'GET', '/office-js/office.js');
      expect(js.status).toBe(200);
      expect(js.body).toBe(cdnFiles['office.js']);
      expect((await httpsRequest(relay, 'GET', '/office-js/ko-kr/office_strings.js')).status).toBe(200);
      expect((await httpsRequest(relay, 'GET', '/office-js/nope.js')).status).toBe(404);
      const health = JSON.parse((await httpsRequest(relay, 'GET', '/api/health')).body);
      expect(health.officeJs).toEqual({ source: 'mirror', url: '/office-js/office.js', from: info.from, fetchedAt: info.fetchedAt });
    } finally {
      await relay.close();
    }
    const { relay: keyed } = await startKeyedRelay({ LLM_BASE_URL: fake.url, OFFICE_JS_DIR: m });
    try {
      expect((await httpsRequest(keyed, 'GET', '/office-js/office.js')).status).toBe(200);
    } finally {
      await keyed.close();
    }
  }, 60_000);
});
