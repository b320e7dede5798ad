/** The CLIs' shared command-line reading (server/cli/args.ts): help, usage errors, exit code 2. */
import { oneOf, parseCli } from '../../../../server/cli/args';

const CLI = {
  name: 'demo',
  help: 'Usage: demo FILE [--pack P] [--json]',
  options: { pack: { type: 'string', default: 'general' }, json: { type: 'boolean', default: false } },
} as const;

class Exit extends Error {
  constructor(readonly code: number | undefined) {
    super(`exit ${code}`);
  }
}

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exit(code as number | undefined);
  });
});
afterEach(() => jest.restoreAllMocks());

describe('parseCli', () => {
  test('flags with defaults and positionals', () => {
    expect(parseCli(CLI, ['a.txt', '--json'])).toMatchObject({
      values: { pack: 'general', json: true, help: false },
      positionals: ['a.txt'],
    });
    expect(parseCli(CLI, ['--pack', 'patent', '-'])!.values.pack).toBe('patent');
  });

  test('-h / --help prints the help to stdout and answers null', () => {
    for (const flag of ['-h', '--help']) {
      out = '';
      expect(parseCli(CLI, [flag])).toBeNull();
      expect(out).toBe(`${CLI.help}\n`);
    }
    expect(err).toBe('');
  });

  test('an unknown flag or a missing value: the problem and the help on stderr, exit 2', () => {
    expect(() => parseCli(CLI, ['--nope'])).toThrow(new Exit(2));
    expect(err).toMatch(/^demo: .*--nope/);
    expect(err).toContain(CLI.help);
    err = '';
    expect(() => parseCli(CLI, ['--pack'])).toThrow(new Exit(2));
    expect(err).toMatch(/^demo: .*--pack/);
    expect(out).toBe('');
  });
});

describe('oneOf', () => {
  test('a listed value passes; another is a usage error naming it', () => {
    expect(oneOf(CLI, 'pack', 'patent', ['general', 'patent'] as const)).toBe('patent');
    expect(() => oneOf(CLI, 'pack', 'poem', ['general', 'patent'] as const)).toThrow(new Exit(2));
    expect(err).toBe(`demo: unknown pack 'poem'\n${CLI.help}\n`);
  });
});
