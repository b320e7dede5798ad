/**
 * The relay as a child process for benchmarks (its RSS measured apart from the load
 * generator). Env as for the real relay; TLS from development certificates in
 * BENCH_CERT_DIR. Prints `{"port": n}` once listening; answers `{"type":"rss"}` over IPC
 * with the current and peak RSS.
 */
import { loadConfig } from '../../server/config';
import { createLogger, startRelay } from '../../server/relay';
import { loadTls } from '../../server/tls';

void (async () => {
  const config = loadConfig(process.env);
  const tls = await loadTls(config, process.env.BENCH_CERT_DIR);
  const relay = await startRelay({ config, tls, logger: createLogger(config) });
  let peak = process.memoryUsage().rss;
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50).unref();
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'rss') {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      process.send?.({ type: 'rss', rss, peak, maxRss: process.resourceUsage().maxRSS * 1024 });
    }
  });
  process.stdout.write(JSON.stringify({ port: relay.port }) + '\n');
  process.on('SIGTERM', () => void relay.close().then(() => process.exit(0)));
})();
