/**
 * What a benchmark child process (the relay, the Node floor) answers over IPC, so the
 * benchmark measures it from outside:
 *  - `{"type":"rss"}`: the current and peak RSS (`peak` sampled every 250 ms, `maxRss` the
 *    kernel's exact figure) and the V8 heap and Buffers when the RSS peaked;
 *  - `{"type":"cpu"}`: `process.cpuUsage()` (µs of user + system CPU so far);
 *  - `{"type":"profile-start"}` / `{"type":"profile-stop","file":path}`: a V8 CPU profile of
 *    what happens in between, written as a .cpuprofile;
 *  - `{"type":"heap-snapshot","file":path}`: a heap snapshot written now.
 * and how a benchmark layer serves (`serveLayer`).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { RequestListener } from 'node:http';
import https from 'node:https';
import v8 from 'node:v8';
import { loadConfig } from '../../server/config';
import { loadTls } from '../../server/tls';

type Message = { type?: string; file?: string };

export function answerIpc(): void {
  // Peak RSS (the kernel's maxRSS is exact; the sampled peak says what the process held near
  // that moment: V8 heap, ArrayBuffers/Buffers).
  let peak = 0;
  let atPeak: NodeJS.MemoryUsage = process.memoryUsage();
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) {
      peak = rss;
      atPeak = process.memoryUsage();
    }
  };
  sample();
  // Every 250 ms: reading the RSS costs the child CPU that the benchmark counts against it.
  setInterval(sample, 250).unref();
  let session: Session | null = null;
  const answer = async (m: Message): Promise<Record<string, unknown> | null> => {
    switch (m?.type) {
      case 'rss': {
        sample();
        const mb = (n: number) => +(n / 1048576).toFixed(1);
        const atPeakMb = {
          heapTotal: mb(atPeak.heapTotal),
          heapUsed: mb(atPeak.heapUsed),
          external: mb(atPeak.external),
          arrayBuffers: mb(atPeak.arrayBuffers),
        };
        return { rss: process.memoryUsage.rss(), peak, maxRss: process.resourceUsage().maxRSS * 1024, atPeakMb };
      }
      case 'cpu': {
        const u = process.cpuUsage();
        return { cpuMicros: u.user + u.system };
      }
      case 'profile-start':
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 100 });
        await session.post('Profiler.start');
        return {};
      case 'profile-stop': {
        if (!session) return { error: 'no profile running' };
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        session = null;
        writeFileSync(m.file!, JSON.stringify(profile));
        return { file: m.file };
      }
      case 'heap-snapshot':
        return { file: v8.writeHeapSnapshot(m.file) };
      default:
        return null;
    }
  };
  process.on('message', (m: Message) => {
    void answer(m).then((reply) => reply && process.send?.({ type: m.type, ...reply }));
  });
}

/**
 * Serves a benchmark layer (bench/lib/layers/) over HTTPS with the development certificates
 * in BENCH_CERT_DIR, on PORT/HOST; prints `{"port": n}` and answers IPC once listening.
 */
export async function serveLayer(handler: RequestListener): Promise<void> {
  const tls = await loadTls(loadConfig(process.env), process.env.BENCH_CERT_DIR);
  const server = https.createServer({ cert: tls.cert, key: tls.key }, handler);
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
    answerIpc();
    process.stdout.write(JSON.stringify({ port: (server.address() as { port: number }).port }) + '\n');
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
