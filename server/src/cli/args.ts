import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './pathWorkspace';

/** Options every command takes. */
export const COMMON_OPTIONS = {
  config: { type: 'string' },
  rule: { type: 'string', multiple: true },
  jobs: { type: 'string', short: 'j' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...COMMON_OPTIONS, ...options } });
}

export function parseJobs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs ${v}: expected a whole number from 1 to 256`);
  return n;
}
