/**
 * Downloads the Office.js files a Word add-in needs from Microsoft's CDN into a
 * folder, on a machine that has internet, for a relay in a network without it
 * (망분리): copy the folder over and start the relay with OFFICE_JS_DIR=DIR.
 *
 *   npm run officejs:mirror -- --out DIR [--from URL]
 *
 * --from defaults to https://appsforoffice.microsoft.com/lib/1/hosted/ (tests point
 * it at a local stand-in). Nothing is written unless every required file arrived;
 * an existing DIR is replaced whole. Exits 0 on success, 1 on a failed download,
 * 2 on bad arguments. Microsoft supports only the CDN (office-js #5588, #6496):
 * refresh the mirror regularly (docs/ADMIN.md, "Office.js").
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIRROR_FILES, MIRROR_MANIFEST, OFFICE_JS_CDN_BASE, type MirrorInfo } from '../officejs';

const USAGE = 'usage: npm run officejs:mirror -- --out DIR [--from https://appsforoffice.microsoft.com/lib/1/hosted/]';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

async function download(url: string, timeoutMs: number): Promise<Buffer | { error: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!res.ok) return { error: `HTTP ${res.status}` };
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length === 0) return { error: 'empty response' };
    return body;
  } catch (e) {
    return { error: (e as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (e as Error).message };
  }
}

export async function main(
  argv: string[],
  io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        from: { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    io.err(`officejs:mirror: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (!values.out) {
    io.err(`officejs:mirror: --out DIR is required\n${USAGE}\n`);
    return 2;
  }
  let from: URL;
  try {
    from = new URL(values.from ?? OFFICE_JS_CDN_BASE);
    if (from.protocol !== 'https:' && from.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    io.err(`officejs:mirror: --from must be an http(s) URL (got "${values.from}")\n`);
    return 2;
  }
  if (!from.pathname.endsWith('/')) from.pathname += '/';
  const timeoutMs = Number(values['timeout-ms'] ?? 60_000);
  const out = resolve(values.out);

  const wanted = [
    ...MIRROR_FILES.required.map((p) => ({ p, required: true })),
    ...MIRROR_FILES.optional.map((p) => ({ p, required: false })),
  ];
  const got = await Promise.all(wanted.map(async (w) => ({ ...w, res: await download(new URL(w.p, from).href, timeoutMs) })));
  const missing = got.filter((g) => g.required && !Buffer.isBuffer(g.res));
  if (missing.length > 0) {
    for (const m of missing) io.err(`officejs:mirror: ${new URL(m.p, from).href}: ${(m.res as { error: string }).error}\n`);
    io.err(`officejs:mirror: ${missing.length} required file(s) missing; nothing written to ${out}\n`);
    return 1;
  }

  const info: MirrorInfo = { from: from.href, fetchedAt: new Date().toISOString(), files: [] };
  const tmp = `${out}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const g of got) {
    if (!Buffer.isBuffer(g.res)) continue;
    const file = join(tmp, g.p);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, g.res);
    info.files.push({ path: g.p, bytes: g.res.length, sha256: createHash('sha256').update(g.res).digest('hex') });
  }
  writeFileSync(join(tmp, MIRROR_MANIFEST), `${JSON.stringify(info, null, 2)}\n`);
  // replace DIR whole, so no file of an older mirror stays behind
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
  const kb = Math.round(info.files.reduce((n, f) => n + f.bytes, 0) / 1024);
  io.out(`Office.js mirror: ${info.files.length} files (${kb} KB) from ${info.from} into ${out}, dated ${info.fetchedAt}\n`);
  io.out(`Serve it with OFFICE_JS_DIR=${out}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`officejs:mirror: ${(err as Error).message}\n`);
      process.exit(1);
    },
  );
}
