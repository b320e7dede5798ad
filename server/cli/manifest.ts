/**
 * Writes the Word add-in manifest for a deployment, then checks it offline.
 *
 *   npm run manifest -- --url https://sseugi.corp.example [--id GUID] [--name "..."]
 *                       [--version 1.2.0.0] [--support-url URL] [--app-domain URL ...]
 *                       [--assets DIR] [--out FILE]
 *                       [--sso-app-id GUID --sso-resource api://HOST/GUID]   (Office SSO)
 *
 * Without --out the manifest goes to stdout; messages go to stderr. Exits 1 when the
 * offline validator finds a problem (the manifest is still written, for inspection),
 * 2 on bad arguments.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderManifest } from '../../manifest/generate';
import { validateManifest } from '../../manifest/validate';

const USAGE =
  'usage: npm run manifest -- --url https://HOST [--id GUID] [--name NAME] [--version X.Y.Z.W] ' +
  '[--support-url URL] [--app-domain URL]... [--assets DIR] [--out FILE] ' +
  '[--sso-app-id GUID --sso-resource api://HOST/GUID]';

/** The repository's assets/ and package.json, whether run from source or from dist/. */
function findUp(name: string): string | undefined {
  const starts = [process.cwd(), join(__dirname, '..', '..'), join(__dirname, '..', '..', '..', '..')];
  return starts.map((s) => join(s, name)).find((p) => existsSync(p));
}

function packageVersion(): string | undefined {
  const pkg = findUp('package.json');
  if (!pkg) return undefined;
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

export function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        version: { type: 'string' },
        'support-url': { type: 'string' },
        'app-domain': { type: 'string', multiple: true },
        assets: { type: 'string' },
        out: { type: 'string' },
        'sso-app-id': { type: 'string' },
        'sso-resource': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.url) {
    process.stderr.write(`--url is required (the relay's public https:// address)\n${USAGE}\n`);
    return 2;
  }
  if (!values['sso-app-id'] !== !values['sso-resource']) {
    process.stderr.write(`--sso-app-id and --sso-resource go together\n${USAGE}\n`);
    return 2;
  }
  let xml: string;
  try {
    xml = renderManifest({
      origin: values.url,
      id: values.id,
      name: values.name,
      version: values.version ?? packageVersion(),
      supportUrl: values['support-url'],
      appDomains: values['app-domain'],
      sso: values['sso-app-id'] && values['sso-resource'] ? { appId: values['sso-app-id'], resource: values['sso-resource'] } : undefined,
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (values.out) {
    writeFileSync(resolve(values.out), xml, 'utf8');
    process.stderr.write(`wrote ${resolve(values.out)}\n`);
  } else {
    process.stdout.write(xml);
  }
  const assetsDir = values.assets ? resolve(values.assets) : findUp('assets');
  if (!assetsDir) {
    process.stderr.write('cannot find the assets/ directory; pass --assets DIR\n');
    return 1;
  }
  const result = validateManifest(xml, { assetsDir });
  if (!result.ok) {
    process.stderr.write(`manifest check failed (${result.errors.length}):\n`);
    for (const e of result.errors) process.stderr.write(`  - ${e}\n`);
    return 1;
  }
  process.stderr.write('manifest check passed (offline checks; see docs/ADMIN.md for Microsoft\'s full validator)\n');
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
