// api-report.md shows deprecation: a caller reviewing the surface sees what is on its way out.
import { describe, expect, it } from 'vitest';
import { postprocess } from './postprocess.ts';

describe('api-report.md', () => {
  it('marks @deprecated declarations, members, methods and overloads, and only those', () => {
    const model = [
      '/** Old. @deprecated */',
      'export interface OldThing { name: string; }',
      'export interface Thing {',
      '  /**',
      '   * The old field.',
      '   * @deprecated',
      '   */',
      '  legacy?: string;',
      '  /** Current; mentions deprecated in prose only. */',
      '  current: string;',
      '}',
      '/** @deprecated use Thing */',
      'export type Alias = Thing;',
      '/** @deprecated */',
      'export const OLD = 1;',
    ].join('\n');
    const api = [
      'export class ThingsApi {',
      '  /** @deprecated */',
      '  getOld(): Promise<void> { return Promise.resolve(); }',
      '  getNew(): Promise<void> { return Promise.resolve(); }',
      '}',
    ].join('\n');
    const report = postprocess(new Map([['src/models/Thing.ts', model], ['src/apis/ThingsApi.ts', api]])).get('api-report.md')!;
    expect(report).toContain('/** @deprecated */ interface OldThing {');
    expect(report).toContain('\ninterface Thing {');
    expect(report).toContain('  /** @deprecated */ legacy?: string;');
    expect(report).toContain('\n  current: string;');
    expect(report).toContain('/** @deprecated */ type Alias = Thing;');
    expect(report).toContain('/** @deprecated */ const OLD: 1;');
    expect(report).toContain('  /** @deprecated */ getOld(): Promise<void>;');
    expect(report).toContain('\n  getNew(): Promise<void>;');
  });
});
