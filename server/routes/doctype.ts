/** POST /api/doctype: which document type (pack) a text looks like, with each type's score. */
import { Router } from 'express';
import type { RelayContext } from '../context';
import { docTypeScores, suggestDocType } from '../proofread/doc-type';
import { jsonBody, parseBody } from '../validation';
import { doctypeRequestSchema } from '../../kernel/contract/requests';

export function doctypeRouter(ctx: RelayContext): Router {
  const router = Router();
  const schema = doctypeRequestSchema(ctx.config.MAX_TEXT_CHARS);
  router.post('/doctype', (req, res) => {
    const { paragraphs } = parseBody(schema, jsonBody(req));
    res.json({ docType: suggestDocType(paragraphs), scores: docTypeScores(paragraphs) });
  });
  return router;
}
