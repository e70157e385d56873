import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './flags.ts';

describe('the command line', () => {
  it('reads --help with or without a command', () => {
    expect(parseCommandLine(['--help'])).toEqual({ command: undefined, values: { help: true } });
    expect(parseCommandLine(['generate', '--help'])).toEqual({ command: undefined, values: { help: true } });
  });

  it('names a missing or unknown command', () => {
    expect(() => parseCommandLine(['--quiet'])).toThrow('no command given');
    expect(() => parseCommandLine(['build'])).toThrow('unknown command "build"');
  });
});
