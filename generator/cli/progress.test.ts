import { describe, expect, it } from 'vitest';
import { progressFor } from './progress.ts';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('progress', () => {
  it('shows the stage and the counts known so far once a run passes the delay, and erases the line at the end', () => {
    const tty = terminal(true);
    let now = 0;
    const progress = progressFor(tty, { quiet: false, json: false }, 2000, () => now);
    progress.stage({ stage: 'load' });
    now = 2500;
    progress.stage({ stage: 'postprocess', operations: 1234, models: 567, files: 4321 });
    progress.done();
    expect(tty.written).toEqual(['\r\x1b[Kpostprocess… · 1,234 operations · 567 models · 4,321 files · 2.5 s', '\r\x1b[K']);
  });

  it('prints nothing for a quick run, on a non-terminal, with --quiet or with --json', () => {
    const cases = [
      { stream: terminal(true), options: { quiet: false, json: false }, at: 1999 },
      { stream: terminal(false), options: { quiet: false, json: false }, at: 9000 },
      { stream: terminal(true), options: { quiet: true, json: false }, at: 9000 },
      { stream: terminal(true), options: { quiet: false, json: true }, at: 9000 },
    ];
    for (const { stream, options, at } of cases) {
      let now = 0;
      const progress = progressFor(stream, options, 2000, () => now);
      now = at;
      progress.stage({ stage: 'render', operations: 1, models: 2 });
      progress.done();
      expect(stream.written).toEqual([]);
    }
  });
});
