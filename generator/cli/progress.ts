// One self-overwriting status line on an interactive terminal, shown only once a run has taken
// longer than a short delay: a quick run prints nothing extra. The stages run synchronously,
// so the line changes when a stage starts (and the timer redraws it while the disk works).
import type { StageProgress } from '../pipeline.ts';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  stage(progress: StageProgress): void;
  /** Erases the line; the caller prints its summary next. */
  done(): void;
}

const CLEAR_LINE = '\r\x1b[K';
const NONE: Progress = { stage() {}, done() {} };

/** Progress goes to an interactive terminal only, and never with --quiet or --json. */
export function progressFor(stream: ProgressStream, options: { quiet: boolean; json: boolean }, delayMs = 2000, now = () => performance.now()): Progress {
  if (!stream.isTTY || options.quiet || options.json) return NONE;
  const started = now();
  let current: StageProgress | undefined;
  let shown = false;
  const draw = () => {
    if (!current || now() - started < delayMs) return;
    shown = true;
    stream.write(CLEAR_LINE + describe(current, now() - started));
  };
  const timer = setInterval(draw, 250);
  timer.unref();
  return {
    stage(progress) {
      current = progress;
      draw();
    },
    done() {
      clearInterval(timer);
      if (shown) stream.write(CLEAR_LINE);
    },
  };
}

export function describe(progress: StageProgress, elapsedMs: number): string {
  const counts = (['operations', 'models', 'files'] as const).flatMap((key) => (progress[key] === undefined ? [] : [`${progress[key]!.toLocaleString('en-US')} ${key}`]));
  return [`${progress.stage}…`, ...counts, `${(elapsedMs / 1000).toFixed(1)} s`].join(' · ');
}
