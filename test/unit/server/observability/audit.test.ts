/** The audit logger keeps the trail whatever LOG_LEVEL says. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { createAuditLogger } from '../../../../server/observability/audit';

function memoryLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

describe('createAuditLogger (no AUDIT_LOG: the main log)', () => {
  it.each(['info', 'warn', 'error', 'fatal'])(
    'writes the task record when LOG_LEVEL is %s, and the main log keeps its level',
    async (level) => {
      const { logger, lines } = memoryLogger(level);
      const audit = createAuditLogger(logger);
      audit.info({ task: 'summarize', outcome: 'ok' }, 'task audit');
      logger.info('an ordinary info line');
      await new Promise((r) => setImmediate(r));
      expect(lines.filter((l) => l['audit'] === true)).toEqual([expect.objectContaining({ task: 'summarize', msg: 'task audit' })]);
      expect(lines.some((l) => l['msg'] === 'an ordinary info line')).toBe(level === 'info');
    },
  );
});
