import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { renderManifest } from '../../../manifest/generate';
import { validateManifest } from '../../../manifest/validate';

const ROOT = join(__dirname, '../../..');
const ASSETS = join(ROOT, 'assets');
const ORIGIN = 'https://sseugi.corp.example';
const APP_ID = '0b7e5a7c-6f0e-4a4d-8f3a-1d2c3b4a5e6f';
const RESOURCE = `api://sseugi.corp.example/${APP_ID}`;
const check = (xml: string) => validateManifest(xml, { assetsDir: ASSETS });

describe('manifest with Office SSO (WebApplicationInfo)', () => {
  it('without sso: no WebApplicationInfo and the validator passes', () => {
    const xml = renderManifest({ origin: ORIGIN });
    expect(xml).not.toContain('WebApplicationInfo');
    expect(check(xml).errors).toEqual([]);
  });

  it('with sso: WebApplicationInfo after Resources, last in VersionOverrides, and the validator passes', () => {
    const xml = renderManifest({ origin: ORIGIN, sso: { appId: APP_ID, resource: RESOURCE } });
    expect(xml).toMatch(
      new RegExp(
        `</Resources>\\s*<WebApplicationInfo>\\s*<Id>${APP_ID}</Id>\\s*<Resource>${RESOURCE.replace(/[/.]/g, '\\$&')}</Resource>\\s*<Scopes>\\s*<Scope>openid</Scope>\\s*<Scope>profile</Scope>\\s*</Scopes>\\s*</WebApplicationInfo>\\s*</VersionOverrides>`,
      ),
    );
    const res = check(xml);
    expect(res.errors).toEqual([]);
    expect(res.ok).toBe(true);
  });

  it('rejects a bad app id or resource when rendering', () => {
    expect(() => renderManifest({ origin: ORIGIN, sso: { appId: 'nope', resource: RESOURCE } })).toThrow(/GUID/);
    expect(() => renderManifest({ origin: ORIGIN, sso: { appId: APP_ID, resource: 'https://x/y' } })).toThrow(/api:\/\//);
  });

  it('the validator catches WebApplicationInfo out of order, missing Scopes, a host mismatch and a bad Id', () => {
    const xml = renderManifest({ origin: ORIGIN, sso: { appId: APP_ID, resource: RESOURCE } });
    const block = /\s*<WebApplicationInfo>[\s\S]*<\/WebApplicationInfo>/.exec(xml)![0];
    const moved = xml
      .replace(block, '')
      .replace(
        '<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">',
        (m) => m + block,
      );
    expect(check(moved).errors.some((e) => /WebApplicationInfo.*out of the schema's order|must come before/.test(e))).toBe(true);

    const noScopes = xml.replace(/<Scopes>[\s\S]*<\/Scopes>/, '');
    expect(check(noScopes).errors.some((e) => /missing required <Scopes>/.test(e))).toBe(true);

    const otherHost = xml.replace(RESOURCE, `api://elsewhere.example/${APP_ID}`);
    expect(check(otherHost).errors.some((e) => /13004/.test(e))).toBe(true);

    const badId = xml.replace(`<Id>${APP_ID}</Id>`, '<Id>not-a-guid</Id>');
    expect(check(badId).errors.some((e) => /WebApplicationInfo><Id>.*not a GUID/.test(e))).toBe(true);
  });

  it('CLI: --sso-app-id/--sso-resource add WebApplicationInfo; one without the other is an argument error', () => {
    const cli = join(ROOT, 'server', 'cli', 'manifest.ts');
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const ok = spawnSync(tsx, [cli, '--url', ORIGIN, '--sso-app-id', APP_ID, '--sso-resource', RESOURCE], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.stderr).toMatch(/check passed/);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`<Resource>${RESOURCE}</Resource>`);
    const half = spawnSync(tsx, [cli, '--url', ORIGIN, '--sso-app-id', APP_ID], { cwd: ROOT, encoding: 'utf8' });
    expect(half.status).toBe(2);
  });
});
