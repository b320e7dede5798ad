/**
 * Mints an API key for AUTH_MODE=apikey.
 *
 *   npm run mint-key -- --name alice
 *
 * Prints the key (shown once: hand it to the user, it is not stored anywhere) and the
 * `name:hmac:kid:digest` entry to append to API_KEYS (comma-separated).
 */
import { parseArgs } from 'node:util';
import { isValidKeyName, mintApiKey } from '../auth/apikey';

export async function main(argv: string[]): Promise<number> {
  let name: string | undefined;
  try {
    ({
      values: { name },
    } = parseArgs({ args: argv, options: { name: { type: 'string' } }, strict: true }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nusage: npm run mint-key -- --name NAME\n`);
    return 2;
  }
  if (!name || !isValidKeyName(name)) {
    process.stderr.write('usage: npm run mint-key -- --name NAME   (NAME: 1-64 of A-Z a-z 0-9 . _ @ -)\n');
    return 2;
  }
  const { key, entry } = await mintApiKey(name);
  process.stdout.write(
    `API key for "${name}" (shown once; give it to the user, e.g. in the add-in's settings):\n` +
      `  ${key}\n\n` +
      `Add this entry to API_KEYS (comma-separated with any others) and restart the relay:\n` +
      `  ${entry}\n`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
