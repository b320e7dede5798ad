/**
 * The relay as a child process for benchmarks (its RSS and CPU measured apart from the load
 * generator). Env as for the real relay; TLS from development certificates in
 * BENCH_CERT_DIR. Prints `{"port": n}` once listening; answers the benchmark's IPC
 * messages (RSS, CPU, CPU profile, heap snapshot) through ./child-ipc.
 */
import { loadConfig } from '../../server/config';
import { createLogger, startRelay } from '../../server/relay';
import { loadTls } from '../../server/tls';
import { answerIpc } from './child-ipc';

void (async () => {
  const config = loadConfig(process.env);
  const tls = await loadTls(config, process.env.BENCH_CERT_DIR);
  const relay = await startRelay({ config, tls, logger: createLogger(config) });
  answerIpc();
  process.stdout.write(JSON.stringify({ port: relay.port }) + '\n');
  process.on('SIGTERM', () => void relay.close().then(() => process.exit(0)));
})();
