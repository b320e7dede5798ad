/** Entry point: `npm start` (after the build) runs this. */
import { ConfigError, loadConfig } from './config';
import { createLogger, startRelay } from './relay';
import { loadTls } from './tls';
import { contextWindowWarning } from './llm/window-advice';
import { describeOfficeJs, officeJsStatus } from './officejs';

function fail(message: string): never {
  process.stderr.write(`sseugi: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const logger = createLogger(config);
  let tls;
  try {
    tls = await loadTls(config);
  } catch (err) {
    fail(err instanceof ConfigError ? err.message : `cannot prepare TLS certificates: ${(err as Error).message}`);
  }
  let relay;
  try {
    relay = await startRelay({ config, tls, logger });
  } catch (err) {
    // e.g. AUDIT_LOG not writable, no audit key: checked at start, one line.
    if (err instanceof ConfigError) fail(err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Invalid setting PORT: ${config.PORT} is already in use`);
    if (code === 'EACCES') fail(`Invalid setting PORT: no permission to listen on ${config.PORT}`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`Invalid setting HOST: cannot listen on "${config.HOST}"`);
    throw err;
  }
  const officeJs = officeJsStatus(config);
  logger.info({ url: config.PUBLIC_URL, listen: `${config.HOST}:${relay.port}`, model: config.LLM_MODEL, officeJs }, 'relay started');
  process.stdout.write(
    `\nSseugi relay: ${config.PUBLIC_URL}/ (standalone page), ${config.PUBLIC_URL}/manifest.xml (add-in manifest)\n` +
      `Office.js: ${describeOfficeJs(officeJs)}\n`,
  );
  // The model's window, once detected: say so when it is unknown or small, with the setting that raises it.
  void relay.context.backend().then((info) => {
    const warning = contextWindowWarning(info);
    if (!warning) return;
    logger.warn({ backend: info.kind, contextWindow: info.contextWindow }, warning);
    process.stdout.write(`Model window: ${warning}\n`);
  });
  if (tls.devCa) {
    process.stdout.write(`Development certificate in use. To trust its CA once (browsers, Word):\n  ${tls.devCa.trustCommand}\n`);
  }
  const shutdown = () => {
    logger.info('shutting down');
    void relay.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => fail(`failed to start: ${(err as Error).message}`));
