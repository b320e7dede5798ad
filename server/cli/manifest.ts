/**
 * Writes the Word add-in manifest for a deployment, then checks it offline.
 *
 *   npm run manifest -- --url https://sseugi.corp.example [--id GUID] [--name "..."]
 *                       [--version 1.2.0.0] [--support-url URL] [--app-domain URL ...]
 *                       [--assets DIR] [--out FILE]
 *                       [--sso-app-id GUID --sso-resource api://HOST/GUID]   (Office SSO)
 *
 *   npm run manifest -- --update FILE [--id GUID] [--name "..."]   (an existing manifest)
 *
 * Without --out the manifest goes to stdout; messages go to stderr. With --out (and
 * --update) the file is read back through office-addin-manifest (Microsoft's tooling)
 * and must carry the id, name, task pane URL and app domains meant; --print-info prints
 * what it read as JSON. Exits 1 when a check finds a problem (the manifest is still
 * written, for inspection), 2 on bad arguments. Microsoft's online validation:
 * `npm run validate -- FILE` (internet needed).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_NAME_EN, DEV_ADDIN_ID, normaliseOrigin, renderManifest } from '../../manifest/generate';
import { compareManifest, modifyIdAndName, readManifestInfo } from '../../manifest/office-tooling';
import { validateManifest } from '../../manifest/validate';

const USAGE =
  'usage: npm run manifest -- --url https://HOST [--id GUID] [--name NAME] [--version X.Y.Z.W] ' +
  '[--support-url URL] [--app-domain URL]... [--assets DIR] [--out FILE] ' +
  '[--sso-app-id GUID --sso-resource api://HOST/GUID] [--print-info]\n' +
  '       npm run manifest -- --update FILE [--id GUID] [--name NAME] [--print-info]';

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

export async function main(argv: string[]): Promise<number> {
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
        update: { type: 'string' },
        'print-info': { type: 'boolean' },
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
  if (values.update) return update(values.update, values.id, values.name, values.assets, !!values['print-info']);
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
  let readBack = 0;
  if (values.out)
    readBack = await writeAndReadBack(values.out, xml, {
      url: values.url,
      id: values.id,
      name: values.name,
      appDomains: values['app-domain'],
      printInfo: !!values['print-info'],
    });
  else process.stdout.write(xml);
  const assetsDir = values.assets ? resolve(values.assets) : findUp('assets');
  if (!assetsDir) {
    process.stderr.write('cannot find the assets/ directory; pass --assets DIR\n');
    return 1;
  }
  const offline = offlineCheck(xml, assetsDir);
  return offline || readBack;
}

/** Writes the manifest to `out`, then reads it back with Microsoft's parser (exit code of that check). */
async function writeAndReadBack(
  out: string,
  xml: string,
  o: { url: string; id?: string; name?: string; appDomains?: string[]; printInfo: boolean },
): Promise<number> {
  const file = resolve(out);
  writeFileSync(file, xml, 'utf8');
  process.stderr.write(`wrote ${file}\n`);
  const base = normaliseOrigin(o.url);
  const extra = (o.appDomains ?? []).map((d) => d.replace(/\/+$/, ''));
  return checkReadBack(
    file,
    {
      id: (o.id ?? DEV_ADDIN_ID).trim(),
      displayName: o.name?.trim() || DEFAULT_NAME_EN,
      sourceLocation: `${base}/taskpane.html`,
      appDomains: [...new Set([new URL(base).origin, ...extra])],
    },
    o.printInfo,
  );
}

function offlineCheck(xml: string, assetsDir: string): number {
  const result = validateManifest(xml, { assetsDir });
  if (!result.ok) {
    process.stderr.write(`manifest check failed (${result.errors.length}):\n`);
    for (const e of result.errors) process.stderr.write(`  - ${e}\n`);
    return 1;
  }
  process.stderr.write("manifest check passed (offline checks; Microsoft's online validator: npm run validate -- FILE)\n");
  return 0;
}

/** Reads the written file back through office-addin-manifest; 1 when it differs from what was meant. */
async function checkReadBack(file: string, expected: Parameters<typeof compareManifest>[1], print: boolean): Promise<number> {
  const info = await readManifestInfo(file);
  if (print) process.stdout.write(`${JSON.stringify(info)}\n`);
  const problems = compareManifest(info, expected);
  for (const p of problems) process.stderr.write(`  - ${p}\n`);
  if (problems.length === 0) process.stderr.write('office-addin-manifest reads the id, name, task pane URL and app domains as written\n');
  return problems.length ? 1 : 0;
}

/** --update FILE: new id and/or display name through office-addin-manifest, then the same checks. */
async function update(
  fileArg: string,
  id: string | undefined,
  name: string | undefined,
  assets: string | undefined,
  print: boolean,
): Promise<number> {
  const file = resolve(fileArg);
  if (!existsSync(file)) {
    process.stderr.write(`no manifest at ${file}\n`);
    return 2;
  }
  if (!id && !name) {
    process.stderr.write(`--update needs --id and/or --name\n${USAGE}\n`);
    return 2;
  }
  const before = await readManifestInfo(file);
  await modifyIdAndName(file, id, name);
  process.stderr.write(`updated ${file}\n`);
  const assetsDir = assets ? resolve(assets) : findUp('assets');
  if (!assetsDir) {
    process.stderr.write('cannot find the assets/ directory; pass --assets DIR\n');
    return 1;
  }
  const readBack = await checkReadBack(
    file,
    {
      id: id ?? before.id ?? '',
      displayName: name ?? before.displayName ?? '',
      sourceLocation: before.defaultSettings?.sourceLocation ?? '',
      appDomains: before.appDomains ?? [],
    },
    print,
  );
  return offlineCheck(readFileSync(file, 'utf8'), assetsDir) || readBack;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`manifest: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
