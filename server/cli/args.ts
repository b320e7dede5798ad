/**
 * The CLIs' command line, read once the same way (node's util.parseArgs): `-h/--help` prints the
 * help to stdout; an unknown flag, a missing value or a bad choice prints `<name>: <problem>` and
 * the help to stderr and exits with 2 (the usage-error code every CLI documents).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CliSpec<O extends ParseArgsOptionsConfig> {
  /** Prefix of error messages, e.g. `check`. */
  name: string;
  help: string;
  options: O;
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

export type CliConfig<O extends ParseArgsOptionsConfig> = { allowPositionals: true; options: O & typeof HELP_OPTION; args?: string[] };
export type ParsedCli<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<CliConfig<O>>>;

/** Exits with 2 after naming the problem and printing the help. */
export function usageError(spec: Pick<CliSpec<ParseArgsOptionsConfig>, 'name' | 'help'>, message: string): never {
  process.stderr.write(`${spec.name}: ${message}\n${spec.help}\n`);
  process.exit(2);
}

/** The parsed flags and positionals, or null when the help was asked for (and printed). */
export function parseCli<O extends ParseArgsOptionsConfig>(spec: CliSpec<O>, args?: string[]): ParsedCli<O> | null {
  const config: CliConfig<O> = { allowPositionals: true, options: { ...spec.options, ...HELP_OPTION }, ...(args ? { args } : {}) };
  let parsed: ParsedCli<O>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    usageError(spec, (e as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(spec.help + '\n');
    return null;
  }
  return parsed;
}

/** `value` when it is one of `allowed`; otherwise a usage error `unknown <what> '<value>'`. */
export function oneOf<T extends string>(
  spec: Pick<CliSpec<ParseArgsOptionsConfig>, 'name' | 'help'>,
  what: string,
  value: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(value)) usageError(spec, `unknown ${what} '${value}'`);
  return value as T;
}
