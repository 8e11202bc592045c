/** Colours, progress and output streams of the CLI. */

/** Colour on a TTY; FORCE_COLOR (not 0/false) forces it, NO_COLOR (non-empty) turns it off. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function colors(enabled: boolean): Colors {
  return enabled
    ? { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24), green: wrap(32, 39) }
    : { red: plain, yellow: plain, cyan: plain, dim: plain, bold: plain, underline: plain, green: plain };
}

/** Writes to stdout, waiting when the pipe is full (so a slow reader keeps memory bounded). */
export function writeOut(s: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(s)) resolve();
    else {
      const onError = (e: Error) => reject(e);
      process.stdout.once('error', onError);
      process.stdout.once('drain', () => {
        process.stdout.off('error', onError);
        resolve();
      });
    }
  });
}

/**
 * `writeOut`, resolved only once the stream is done with `bytes` (its write callback): for bytes
 * in memory that is reused afterwards (stdout to a file or, on Linux, a pipe is written at once;
 * elsewhere a write may keep the bytes queued).
 */
export function writeOutFlushed(bytes: Uint8Array): Promise<void> {
  // a write error is the stream's 'error' event's to handle (a closed pipe ends the run), as for writeOut
  return new Promise((resolve) => {
    process.stdout.write(bytes, () => resolve());
  });
}

/** A one-line progress bar on stderr, drawn only when stderr is a terminal, at most ~10 times a second. */
export class Progress {
  private last = 0;
  private shown = false;
  readonly enabled: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = !!stream.isTTY && process.env.TERM !== 'dumb';
  }

  update(stage: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const line = `${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')} files  ${stage}`;
    this.stream.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  /** Clears the bar (before other output to stderr, and at the end). */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

/** Warnings go to stderr one line each, clearing the progress bar first. */
export function makeWarn(progress: Progress | null): (message: string) => void {
  return (message) => {
    progress?.clear();
    process.stderr.write(`seed-review: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  };
}
