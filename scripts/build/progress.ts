/** Hears how far a build has got. */
export interface Progress {
  /** A new stage; `total` items when the stage counts them. */
  stage(name: string, total?: number): void;
  /** `count` more items of the current stage done. */
  advance(count: number): void;
  /** The build is over: what was shown goes. */
  end(): void;
}

/** Shows nothing. */
export const SILENT: Progress = { stage() {}, advance() {}, end() {} };

/** A build shorter than this shows no progress at all. */
export const SHOW_AFTER_MS = 3000;
/** Redraws at most this often: a terminal need not draw every batch. */
const REDRAW_MS = 100;
/** ECMA-48 EL (erase in line) with 2: the whole line, after a carriage return puts the cursor at its start. */
const CLEAR_LINE = '\r\u001b[2K';

/** Where progress may be drawn: a terminal when `isTTY`. */
export interface ProgressStream {
  isTTY?: boolean | undefined;
  write(text: string): unknown;
}

const grouped = (count: number) => count.toLocaleString('en-US');

/** The line shown: stage, items done of total, seconds since the build began. */
export function progressLine(stage: string, done: number, total: number | undefined, elapsedMs: number): string {
  const count = total === undefined ? '' : ` ${grouped(Math.min(done, total))}/${grouped(total)}`;
  return `build: ${stage}${count} (${(elapsedMs / 1000).toFixed(1)} s)`;
}

/**
 * Progress for a person watching: one line on `stream`, redrawn in place, once the build has run
 * for SHOW_AFTER_MS, and cleared at the end (so the build's last line stands alone). Silent when
 * `stream` is not a terminal (piped, redirected, a test) or in CI (`CI` set, as GitHub Actions,
 * GitLab and most CI services set it, some with a terminal).
 */
export function terminalProgress(stream: ProgressStream, env: NodeJS.ProcessEnv, now: () => number = () => performance.now()): Progress {
  if (stream.isTTY !== true || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) return SILENT;
  const started = now();
  let stage = 'starting';
  let total: number | undefined;
  let done = 0;
  let drawn = -Infinity;
  let shown = false;
  const draw = (force: boolean) => {
    const at = now();
    if (at - started < SHOW_AFTER_MS || (!force && at - drawn < REDRAW_MS)) return;
    stream.write(`${CLEAR_LINE}${progressLine(stage, done, total, at - started)}`);
    drawn = at;
    shown = true;
  };
  return {
    stage(name, count) {
      [stage, total, done] = [name, count, 0];
      draw(true);
    },
    advance(count) {
      done += count;
      draw(false);
    },
    end() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
