/**
 * bench:relay-layers, layer 2: the floor's work (bench/lib/layers/node-floor.ts) inside
 * Express — `express.json()` and one route — so its cost above the floor is Express's own.
 */
import express from 'express';
import { serveLayer } from '../child-ipc';
import { streamSummary } from './node-floor';

const app = express();
app.use(express.json());
app.post('/api/summarize', (req, res) => streamSummary((req.body as { text: string }).text, res));
app.get('/manifest.xml', (_req, res) => void res.end('ok'));
void serveLayer(app);
