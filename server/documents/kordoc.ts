/**
 * kordoc, loaded through its CommonJS build (dist/index.cjs): the relay and its tests are
 * CommonJS, and kordoc's type declarations are ESM-only, so the types come in with
 * resolution-mode "import" and the code through require().
 */
import type * as Kordoc from 'kordoc' with { 'resolution-mode': 'import' };

export type { ScanParagraph, ScanTable, SpliceEdit, IRBlock, ParseResult } from 'kordoc' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const kordoc: typeof Kordoc = require('kordoc');
