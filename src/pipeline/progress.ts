import { plainStep, progressText, stageDoneText, stageLabel, type ProgressCount } from '../lib/progress.ts';

/**
 * The build's progress on its way to the editor. On a terminal one line that rewrites itself (stage, n of N,
 * seconds), at most ten times a second, cleared before any other message; in CI or a log file plain lines: one at
 * every tenth of a known count (or every 15 s when the total is not known), and one when a stage that took a second
 * or more ends ("Einrichtungen lesen: 17 s"), so short stages add no noise.
 */
export interface Progress {
  /** A stage begins (its name as in the build's timings, e.g. "facilities", "astro"). */
  stage(name: string): void;
  /** How far the current stage is. */
  count(what: string, done: number, total?: number, estimated?: boolean): void;
  /** Writes a message line (problems, results) without tearing the progress line. */
  log(message: string): void;
  /** Clears the progress line (at the end of the build). */
  end(): void;
}

/** Progress that prints nothing but passes messages on (tests, the bench). */
export function silentProgress(log: (m: string) => void = () => {}): Progress {
  return { stage() {}, count() {}, log, end() {} };
}

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

/**
 * Progress on `stream` (default stderr). `tty` default: the stream is a terminal and the environment is not CI.
 */
export function createProgress(
  stream: ProgressStream = process.stderr,
  o: { tty?: boolean; now?: () => number } = {},
): Progress {
  const tty = o.tty ?? (stream.isTTY === true && !process.env['CI']);
  const now = o.now ?? (() => performance.now() / 1000);
  let current = '';
  let stageStart = now();
  let lastDraw = 0;
  let shown = '';
  let plain = { step: 0, seconds: 0 };
  const clear = () => {
    if (tty && shown !== '') stream.write('\r\x1b[2K');
    shown = '';
  };
  const draw = (text: string) => {
    const width = Math.max(20, (stream.columns || 100) - 1);
    const line = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    stream.write(`\r\x1b[2K${line}`);
    shown = line;
  };
  const finish = () => {
    const took = now() - stageStart;
    if (!tty && current !== '' && took >= 1) stream.write(`${stageDoneText(current, took)}\n`);
  };
  return {
    stage(name) {
      finish();
      current = name;
      stageStart = now();
      plain = { step: 0, seconds: 0 };
      if (tty) draw(`${stageLabel(name)} …`);
    },
    count(what, done, total, estimated) {
      const c: ProgressCount = { stage: current, what, done, total, estimated, seconds: now() - stageStart };
      if (tty) {
        const t = now();
        if (t - lastDraw < 0.1 && done !== total) return;
        lastDraw = t;
        draw(progressText(c));
        return;
      }
      const step = plainStep(c, plain);
      if (step) {
        plain = step;
        stream.write(`${progressText(c)}\n`);
      }
    },
    log(message) {
      const redraw = shown;
      clear();
      stream.write(`${message}\n`);
      if (redraw !== '') draw(redraw);
    },
    end() {
      finish();
      current = '';
      clear();
    },
  };
}
