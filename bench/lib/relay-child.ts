/**
 * The relay as a child process for benchmarks (its RSS and CPU measured apart from the load
 * generator). Env as for the real relay; TLS from development certificates in
 * BENCH_CERT_DIR. Prints `{"port": n}` once listening. Over IPC it answers
 *  - `{"type":"rss"}` with the current and peak RSS;
 *  - `{"type":"cpu"}` with `process.cpuUsage()` (µs of user + system CPU so far);
 *  - `{"type":"profile-start"}` / `{"type":"profile-stop","file":path}`: a V8 CPU profile of
 *    what happens in between (one burst alone), written as a .cpuprofile;
 *  - `{"type":"heap-snapshot","file":path}`: a heap snapshot written now.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import v8 from 'node:v8';
import { loadConfig } from '../../server/config';
import { createLogger, startRelay } from '../../server/relay';
import { loadTls } from '../../server/tls';

type Message = { type?: string; file?: string };

void (async () => {
  const config = loadConfig(process.env);
  const tls = await loadTls(config, process.env.BENCH_CERT_DIR);
  const relay = await startRelay({ config, tls, logger: createLogger(config) });
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
  // Every 250 ms: reading the RSS costs the relay CPU that bench:relay counts against it.
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
  process.stdout.write(JSON.stringify({ port: relay.port }) + '\n');
  process.on('SIGTERM', () => void relay.close().then(() => process.exit(0)));
})();
