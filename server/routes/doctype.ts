/** POST /api/doctype: which document type (pack) a text looks like, with each type's score. */
import { Router } from 'express';
import { z } from 'zod';
import type { RelayContext } from '../context';
import { docTypeScores, suggestDocType } from '../proofread/doc-type';
import { documentText, jsonBody, parseBody } from '../validation';

export function doctypeRouter(ctx: RelayContext): Router {
  const router = Router();
  const schema = z.strictObject({
    paragraphs: z.array(documentText(ctx.config.MAX_TEXT_CHARS), { error: 'expected an array of strings' }).max(20_000, 'expected at most 20000 paragraphs'),
  });
  router.post('/doctype', (req, res) => {
    const { paragraphs } = parseBody(schema, jsonBody(req));
    res.json({ docType: suggestDocType(paragraphs), scores: docTypeScores(paragraphs) });
  });
  return router;
}
