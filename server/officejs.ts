/**
 * Which Office.js the task pane loads. Default: Microsoft's CDN, the only source
 * Microsoft supports (learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library;
 * the @microsoft/office-js npm package says it is no longer supported and stale, and
 * office-js issues #5588 / #6496 say self-hosting is not supported). For networks
 * with no internet (망분리), `npm run officejs:mirror` copies the CDN files an add-in
 * for Word needs into a folder, and the relay serves that folder with OFFICE_JS_DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const OFFICE_JS_CDN_BASE = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
export const OFFICE_JS_CDN = `${OFFICE_JS_CDN_BASE}office.js`;
/** Where the relay serves a mirror. */
export const OFFICE_JS_MIRROR_PATH = '/office-js';
/** Written by the mirror command next to the files: where they came from and when. */
export const MIRROR_MANIFEST = 'sseugi-officejs-mirror.json';

/**
 * The CDN files a Word add-in loads (paths relative to the CDN folder). office.js
 * reads o15apptofilemappingtable.js and then loads the host script for the client
 * (Word on Windows, the web, Mac) and the UI strings for the Office display language.
 * The optional ones exist for older builds; a 404 there is not an error.
 */
export const MIRROR_FILES = {
  required: [
    'office.js',
    'o15apptofilemappingtable.js',
    'word-win32-16.01.js',
    'word-web-16.00.js',
    'word-mac-16.00.js',
    'ko-kr/office_strings.js',
    'en-us/office_strings.js',
  ],
  optional: ['word-win32-16.00.js', 'word-ios-16.00.js', 'es6-promise.js'],
} as const;

export interface MirrorInfo {
  from: string;
  /** ISO date-time of the download. */
  fetchedAt: string;
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

export function readMirrorInfo(dir: string): MirrorInfo | null {
  try {
    const info = JSON.parse(readFileSync(path.join(dir, MIRROR_MANIFEST), 'utf8')) as MirrorInfo;
    return typeof info.fetchedAt === 'string' && typeof info.from === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** Why a folder cannot be served as a mirror, or null when it can. */
export function mirrorProblem(dir: string): string | null {
  if (!existsSync(path.join(dir, 'office.js'))) {
    return `expected a folder with office.js made by "npm run officejs:mirror -- --out DIR" (no office.js in "${dir}")`;
  }
  return null;
}

export type OfficeJsStatus =
  { source: 'cdn'; url: string } | { source: 'mirror'; url: string; from: string | null; fetchedAt: string | null };

/** What /api/health and the start line say about Office.js. */
export function officeJsStatus(config: { OFFICE_JS_DIR?: string | undefined }): OfficeJsStatus {
  if (!config.OFFICE_JS_DIR) return { source: 'cdn', url: OFFICE_JS_CDN };
  const info = readMirrorInfo(config.OFFICE_JS_DIR);
  return { source: 'mirror', url: `${OFFICE_JS_MIRROR_PATH}/office.js`, from: info?.from ?? null, fetchedAt: info?.fetchedAt ?? null };
}

/** One line for the start message, e.g. "mirror from https://…/hosted/, downloaded 2026-11-30T…". */
export function describeOfficeJs(status: OfficeJsStatus): string {
  if (status.source === 'cdn') return `Microsoft CDN (${status.url})`;
  const when = status.fetchedAt ? `downloaded ${status.fetchedAt}` : 'download date unknown (no sseugi-officejs-mirror.json)';
  return `mirror at ${status.url} from ${status.from ?? 'an unknown source'}, ${when}`;
}
