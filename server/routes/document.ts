/**
 * The workbench's file routes (docs/API.md "Documents"): the relay parses and patches and
 * keeps nothing — bytes in the request, patched bytes in the answer, nothing on disk, no
 * content in logs (the audit record has sizes and a hash only).
 *   POST /api/document/parse  raw bytes + X-Sseugi-Filename → {format, paragraphs, suggestedPack}
 *   POST /api/document/apply  {filename, file (base64), mode, author?, edits, notes?} → patched file
 * Mounted before the API's general JSON parser: both need larger bodies than MAX_BODY_BYTES.
 */
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import type * as DocumentsModule from '../documents';
import { DOCUMENT_ERROR_STATUS, DocumentError } from '../documents/errors';
import { DEFAULT_AUTHOR, type OpenedDocument } from '../documents/types';
import { suggestDocType } from '../proofread/doc-type';
import { audit, outcomeOf, type AuditOutcome } from '../observability/audit';
import { jsonBody, parseBody } from '../validation';
import { applyRequestSchema } from '../../kernel/contract/documents';

/**
 * The documents stack (kordoc and its ZIP/XML/HWP parsers: 111 modules, ≈ 11 MB of the idle
 * relay's RSS, measured in docs/BENCHMARKS.md) is loaded on the first document request:
 * the streaming routes never need it.
 */
let documentsModule: typeof DocumentsModule | undefined;
function documents(): typeof DocumentsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (documentsModule ??= require('../documents') as typeof DocumentsModule);
}

function toApiError(e: unknown): unknown {
  if (e instanceof DocumentError) return new ApiError(DOCUMENT_ERROR_STATUS[e.code], e.code, e.message);
  return e;
}

function filenameHeader(req: Request): string {
  const raw = req.get('x-sseugi-filename');
  if (!raw) throw new ApiError(400, 'INVALID_REQUEST', 'X-Sseugi-Filename: expected the file name (encodeURIComponent).');
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new ApiError(400, 'INVALID_REQUEST', 'X-Sseugi-Filename: not a valid encodeURIComponent string.');
  }
  return checkedName(name);
}

function checkedName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // A file name with a control character is refused (it would end up in a Content-Disposition header).
  // eslint-disable-next-line no-control-regex
  if (!base || base.length > 255 || !base.isWellFormed() || /[\u0000-\u001f]/.test(base))
    throw new ApiError(400, 'INVALID_REQUEST', 'filename: expected a file name.');
  return base;
}

/** A body over the limit is a file too large: 413 FILE_TOO_LARGE with the ko/en message. */
function tooLargeAsFile(parser: RequestHandler): RequestHandler {
  return (req, res, next) =>
    parser(req, res, (err?: unknown) => {
      const e = err as { type?: string } | undefined;
      if (e?.type === 'entity.too.large') next(toApiError(new DocumentError('FILE_TOO_LARGE')));
      else next(err as Error | undefined);
    });
}

export function documentRouter(ctx: RelayContext): Router {
  const router = Router();
  const maxBytes = ctx.config.MAX_DOCUMENT_BYTES;
  const raw = tooLargeAsFile(express.raw({ type: 'application/octet-stream', limit: maxBytes }));
  // base64 is 4/3 of the bytes, plus room for the edits.
  const json = tooLargeAsFile(express.json({ limit: Math.ceil((maxBytes * 4) / 3) + ctx.config.MAX_BODY_BYTES, type: 'application/json' }));
  const applySchema = applyRequestSchema({ maxParagraphChars: ctx.config.MAX_PARAGRAPH_CHARS, maxParagraphs: ctx.config.MAX_PARAGRAPHS });

  const run = async (res: Response, task: string, work: () => Promise<{ doc?: OpenedDocument }>) => {
    let outcome: AuditOutcome = 'ok';
    let doc: OpenedDocument | undefined;
    try {
      ({ doc } = await work());
    } catch (e) {
      const err = toApiError(e);
      outcome = outcomeOf(err);
      throw err;
    } finally {
      audit(ctx, res, { task, input: doc?.paragraphs ?? '', outcome });
    }
  };

  router.post('/document/parse', raw, async (req, res) => {
    await run(res, 'document-parse', async () => {
      if (!req.is('application/octet-stream'))
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as application/octet-stream.');
      const filename = filenameHeader(req);
      const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      const doc = await documents().openDocument(bytes, filename, maxBytes);
      res.json({ format: doc.format, paragraphs: doc.paragraphs, suggestedPack: suggestDocType(doc.paragraphs.map((p) => p.text)) });
      return { doc };
    });
  });

  router.post('/document/apply', json, async (req, res) => {
    await run(res, 'document-apply', async () => {
      const body = parseBody(applySchema, jsonBody(req));
      const filename = checkedName(body.filename);
      const bytes = new Uint8Array(Buffer.from(body.file, 'base64'));
      const doc = await documents().openDocument(bytes, filename, maxBytes);
      const result = await doc.apply(body.edits, body.notes ?? [], {
        mode: body.mode,
        author: body.author ?? DEFAULT_AUTHOR,
        date: new Date().toISOString(),
      });
      res.json({
        file: Buffer.from(result.bytes).toString('base64'),
        filename: documents().outputName(filename),
        mode: body.mode,
        applied: result.applied,
        skipped: result.skipped,
        notesWritten: result.notesWritten,
        ...(result.notesReport.length ? { notesReport: result.notesReport } : {}),
      });
      return { doc };
    });
  });
  return router;
}
