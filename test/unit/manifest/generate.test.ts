import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DEV_ADDIN_ID, renderManifest, xmlEscape } from '../../../manifest/generate';
import { validateManifest } from '../../../manifest/validate';
import { ICON_SIZES, renderIcon } from '../../../manifest/make-icons';

const ROOT = join(__dirname, '..', '..', '..');
const ASSETS = join(ROOT, 'assets');
const ORIGIN = 'https://sseugi.corp.example';

const good = () => renderManifest({ origin: ORIGIN });
const check = (xml: string, assetsDir = ASSETS) => validateManifest(xml, { assetsDir });

function expectFailure(xml: string, pattern: RegExp, assetsDir = ASSETS): void {
  const res = check(xml, assetsDir);
  expect(res.ok).toBe(false);
  expect(res.errors.some((e) => pattern.test(e))).toBe(true);
  for (const e of res.errors) expect(e).not.toMatch(/\n/);
}

describe('renderManifest', () => {
  it('produces a manifest that passes the offline validator', () => {
    const res = check(good());
    expect(res.errors).toEqual([]);
    expect(res.ok).toBe(true);
  });

  it('targets Word with WordApi 1.1, a Home-tab button, ko-KR names and the default dev id', () => {
    const xml = good();
    expect(xml).toContain('xsi:type="TaskPaneApp"');
    expect(xml).toContain('<Host Name="Document"/>');
    expect(xml).toContain('<Set Name="WordApi" MinVersion="1.1"/>');
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
    expect(xml).toContain('<Override Locale="ko-KR" Value="쓰기"/>');
    expect(xml).toContain(`<Id>${DEV_ADDIN_ID}</Id>`);
    expect(xml).toContain(`<SourceLocation DefaultValue="${ORIGIN}/taskpane.html"/>`);
  });

  it('escapes the name and pads the version', () => {
    const xml = renderManifest({ origin: ORIGIN + '/', name: 'R&D <"쓰기">', version: '2.3' });
    expect(xml).toContain(`DisplayName DefaultValue="${xmlEscape('R&D <"쓰기">')}"`);
    expect(xml).toContain('<Version>2.3.0.0</Version>');
    expect(check(xml).ok).toBe(true);
    expect(xml).not.toContain('example//');
  });

  it('keeps a path prefix (relay behind a reverse proxy under /sseugi)', () => {
    const xml = renderManifest({ origin: 'https://intra.example/sseugi' });
    expect(xml).toContain('https://intra.example/sseugi/assets/icon-16.png');
    expect(check(xml).errors).toEqual([]);
  });

  it('rejects a non-URL origin and a bad version', () => {
    expect(() => renderManifest({ origin: 'sseugi.corp.example' })).toThrow(/absolute URL/);
    expect(() => renderManifest({ origin: ORIGIN, version: 'one' })).toThrow(/version/);
  });
});

describe('validateManifest failures', () => {
  it('malformed XML', () => {
    expectFailure(good().replace('</Version>', '</Versionx>'), /malformed XML at line \d+/);
  });

  it('elements out of the schema order', () => {
    const xml = good().replace(/( {2}<Version>.*<\/Version>\n)( {2}<ProviderName>.*<\/ProviderName>\n)/, '$2$1');
    expect(xml).not.toEqual(good());
    expectFailure(xml, /<ProviderName> must come before <Version>|<Version> must come before|out of the schema's order/);
  });

  it('out of order inside VersionOverrides (Resources before Hosts)', () => {
    const xml = good();
    const hosts = / {4}<Hosts>[\s\S]*?\n {4}<\/Hosts>\n/.exec(xml)![0];
    const resources = / {4}<Resources>[\s\S]*?\n {4}<\/Resources>\n/.exec(xml)![0];
    const swapped = xml.replace(hosts, '@@H@@').replace(resources, hosts).replace('@@H@@', resources);
    expectFailure(swapped, /<Hosts> must come before <Resources>/);
  });

  it('a missing required element', () => {
    expectFailure(good().replace(/ {2}<Permissions>.*<\/Permissions>\n/, ''), /missing required <Permissions>/);
  });

  it('an http:// URL', () => {
    expectFailure(
      good().replace(
        `${ORIGIN}/taskpane.html"/>\n  </DefaultSettings>`,
        `http://sseugi.corp.example/taskpane.html"/>\n  </DefaultSettings>`,
      ),
      /not https/,
    );
    expectFailure(
      good().replace(`"${ORIGIN}/assets/icon-80.png"`, '"http://sseugi.corp.example/assets/icon-80.png"'),
      /Icon\.80x80.*not https/,
    );
  });

  it('a URL on another host', () => {
    expectFailure(
      good().replace(`"${ORIGIN}/assets/icon-16.png"`, '"https://cdn.elsewhere.example/assets/icon-16.png"'),
      /cdn\.elsewhere\.example.*neither the add-in's host.*AppDomains/,
    );
  });

  it('an extra host listed in AppDomains is accepted', () => {
    const xml = renderManifest({
      origin: ORIGIN,
      supportUrl: 'https://wiki.corp.example/sseugi',
      appDomains: ['https://wiki.corp.example'],
    });
    expect(check(xml).errors).toEqual([]);
  });

  it('a missing icon file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sseugi-assets-'));
    try {
      for (const s of [16, 32, 64]) copyFileSync(join(ASSETS, `icon-${s}.png`), join(dir, `icon-${s}.png`));
      expectFailure(good(), /icon file icon-80\.png does not exist/, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an icon at the wrong size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sseugi-assets-'));
    try {
      for (const s of [16, 32, 64, 80]) copyFileSync(join(ASSETS, `icon-${s}.png`), join(dir, `icon-${s}.png`));
      writeFileSync(join(dir, 'icon-32.png'), renderIcon(48));
      expectFailure(good(), /icon-32\.png is 48x48 px, expected 32x32/, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad GUID', () => {
    expectFailure(renderManifest({ origin: ORIGIN, id: 'not-a-guid' }), /<Id> "not-a-guid" is not a GUID/);
  });

  it('an undefined resource id', () => {
    expectFailure(good().replace('<Label resid="Group.Label"/>', '<Label resid="Nope"/>'), /resid="Nope".*not defined/);
  });

  it('no Word host', () => {
    expectFailure(good().replace('<Host Name="Document"/>', '<Host Name="Workbook"/>'), /Host Name="Document"/);
  });
});

describe('icons', () => {
  it.each(ICON_SIZES)('assets/icon-%i.png is a PNG of that size', (size) => {
    const png = PNG.sync.read(readFileSync(join(ASSETS, `icon-${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
  });

  it('draws an opaque brand-coloured square with white strokes', () => {
    const png = PNG.sync.read(renderIcon(64));
    const at = (x: number, y: number) => Array.from(png.data.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4));
    expect(at(32, 6)[3]).toBe(255); // inside the square
    expect(at(32, 46)).toEqual([255, 255, 255, 255]); // on the ㅡ bar
    expect(at(0, 0)[3]).toBeLessThan(255); // rounded corner
  });
});

describe('manifest CLI', () => {
  const cli = join(ROOT, 'server', 'cli', 'manifest.ts');
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');

  it('writes a manifest whose every URL is on the given host', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sseugi-cli-'));
    const out = join(dir, 'm.xml');
    try {
      const stderr = execFileSync(tsx, [cli, '--url', 'https://sseugi.example.org', '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(typeof stderr).toBe('string');
      const xml = readFileSync(out, 'utf8');
      const urls = xml
        .match(/https?:\/\/[^"<\s]+/g)!
        .filter((u) => !u.startsWith('http://schemas.microsoft.com') && !u.startsWith('http://www.w3.org'));
      expect(urls.length).toBeGreaterThan(5);
      for (const u of urls) expect(new URL(u).host).toBe('sseugi.example.org');
      expect(check(xml).ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips a generated manifest through office-addin-manifest (read, then modify id and name)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sseugi-oam-'));
    const out = join(dir, 'm.xml');
    const id = '0b7a3c1e-2f4d-4a6b-8c9d-1e2f3a4b5c6d';
    try {
      // the CLI reads the written file back through the real package (a child process:
      // its ESM dependencies do not load under jest) and prints what it read
      const gen = spawnSync(
        tsx,
        [
          cli,
          '--url',
          'https://sseugi.example.org/base',
          '--id',
          id,
          '--name',
          '쓰기 (사내)',
          '--app-domain',
          'https://login.example.org',
          '--out',
          out,
          '--print-info',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(gen.stderr).toContain('office-addin-manifest reads the id, name, task pane URL and app domains as written');
      expect(gen.status).toBe(0);
      const info = JSON.parse(gen.stdout.trim().split('\n').pop()!);
      expect(info).toMatchObject({
        id,
        displayName: '쓰기 (사내)',
        officeAppType: 'TaskPaneApp',
        hosts: ['Document'],
        // office-addin-manifest 3.0.0 reads only the first <AppDomain> (see manifest/office-tooling.ts)
        appDomains: ['https://sseugi.example.org'],
        defaultSettings: { sourceLocation: 'https://sseugi.example.org/base/taskpane.html' },
        iconUrl: 'https://sseugi.example.org/base/assets/icon-32.png',
      });
      // modify through the package: new id and name, everything else kept, offline checks pass
      const id2 = 'aa7a3c1e-2f4d-4a6b-8c9d-1e2f3a4b5c6d';
      const upd = spawnSync(tsx, [cli, '--update', out, '--id', id2, '--name', 'Sseugi Pilot', '--print-info'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(upd.status).toBe(0);
      const info2 = JSON.parse(upd.stdout.trim().split('\n').pop()!);
      expect(info2).toMatchObject({
        id: id2,
        displayName: 'Sseugi Pilot',
        defaultSettings: info.defaultSettings,
        appDomains: info.appDomains,
      });
      const xml = readFileSync(out, 'utf8');
      expect(xml).toContain('<AppDomain>https://login.example.org</AppDomain>');
      expect(check(xml).errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('exposes office-addin-manifest validate (online) as npm run validate', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.validate).toBe('office-addin-manifest validate');
  });

  it('prints to stdout without --out, and fails with the messages on a bad id', () => {
    const ok = spawnSync(tsx, [cli, '--url', 'https://sseugi.example.org', '--name', 'Sseugi (test)'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('<OfficeApp');
    expect(ok.stdout).toContain('Sseugi (test)');

    const bad = spawnSync(tsx, [cli, '--url', 'http://sseugi.example.org', '--id', 'xyz'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/not a GUID/);
    expect(bad.stderr).toMatch(/not https/);
  });
});
