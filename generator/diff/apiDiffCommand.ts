// `npm run api:diff`: the classified API diff between two versions of a spec, each generated in
// memory. A side is a spec file, a folder holding the spec (a checkout), or a git ref (the spec
// as committed there); the head defaults to the working tree.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { DEFAULT_MAX_SPEC_BYTES } from '../load/loadSpec.ts';
import type { ClientIR } from '../ir/types.ts';
import { diffClients, type ApiDiff, type DiffOptions } from './diffIr.ts';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from './format.ts';
import { irOfSpecFile } from './loadIr.ts';
import { pairRenames } from './renames.ts';

export const DEFAULT_SPEC_PATH = 'spec/openapi.yaml';

export const API_DIFF_USAGE = `usage: npm run api:diff -- --base <git-ref | folder | spec file> [--head <same; default: the working tree>]
       [--spec PATH] [--format md|json|text] [--fail-on breaking|feature] [--closed-unions]
  --spec           the spec inside a folder or at a git ref (default ${DEFAULT_SPEC_PATH})
  --closed-unions  a new union member or enum value in a response type is breaking (default: a feature)
exit codes: 0 done, 1 a spec has problems, 2 usage error (also: no spec at that ref) or --fail-on hit`;

export interface ApiDiffRun {
  diff: ApiDiff;
  output: string;
  /** 2 when --fail-on was hit, else 0. */
  exitCode: number;
}

export function runApiDiff(argv: string[], cwd = process.cwd()): ApiDiffRun {
  const { values } = parseCommandLine(argv);
  const format = (values.format ?? 'text') as DiffFormat;
  if (!DIFF_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DIFF_FORMATS.join(', ')}`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && failOn !== 'breaking' && failOn !== 'feature') throw new UsageError('--fail-on must be breaking or feature');
  if (!values.base) throw new UsageError('--base is required');
  const specPath = values.spec ?? DEFAULT_SPEC_PATH;
  const base = clientAt(values.base, specPath, cwd);
  const head = values.head === undefined ? irOfSpecFile(resolve(cwd, specPath)) : clientAt(values.head, specPath, cwd);
  const diff = apiDiff(base, head, { closedUnions: values['closed-unions'] === true });
  const hit = failOn === 'breaking' ? diff.summary.breaking > 0 : failOn === 'feature' ? diff.summary.breaking + diff.summary.feature > 0 : false;
  return { diff, output: formatDiff(diff, format), exitCode: hit ? 2 : 0 };
}

/** The finished change list between two clients: the IR diff, then renames paired. */
export function apiDiff(base: ClientIR, head: ClientIR, options: DiffOptions = {}): ApiDiff {
  return pairRenames(diffClients(base, head, options), base, head);
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        spec: { type: 'string' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'closed-unions': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The IR of one side: a spec file, a folder's spec, or the spec committed at a git ref. */
export function clientAt(where: string, specPath: string, cwd: string): ClientIR {
  const path = resolve(cwd, where);
  if (existsSync(path)) return irOfSpecFile(statSync(path).isDirectory() ? join(path, specPath) : path);
  return clientAtRef(where, specPath, cwd);
}

/** The spec at `ref`, read through a temporary file: the loader reads files, and a `.gz` name keeps its meaning. */
function clientAtRef(ref: string, specPath: string, cwd: string): ClientIR {
  if (ref.startsWith('-') || /[\0\s]/.test(ref)) throw new UsageError(`not a git ref, folder or spec file: ${JSON.stringify(ref)}`);
  let text: Buffer;
  try {
    text = execFileSync('git', ['show', `${ref}:./${specPath.replace(/^\.\//, '')}`], { cwd, maxBuffer: DEFAULT_MAX_SPEC_BYTES + 1, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const reason = String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim().split('\n')[0];
    throw new UsageError(`no spec ${specPath} at git ref ${JSON.stringify(ref)} (and no such file or folder): ${reason}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'api-diff-'));
  try {
    const file = join(dir, basename(specPath));
    writeFileSync(file, text);
    return irOfSpecFile(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
