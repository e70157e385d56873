// Checks over many generated packages at once, shared by the hostile corpus and the property
// tests: one tsc run type-checks (and emits) them all, one Node process imports them all.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPO, TSC } from '../helpers.ts';

/** Relative path → bytes of every file under `dir`. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split(sep).join('/'), readFileSync(full).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** File names that would collide or be refused on another platform (case-insensitive, Windows). */
export function fileNameProblems(paths: string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const folded = path.toLowerCase();
    const first = seen.get(folded);
    if (first !== undefined) problems.push(`${path} and ${first} differ only in case`);
    seen.set(folded, path);
    for (const segment of path.split('/')) {
      if (WINDOWS_RESERVED.test(segment)) problems.push(`${path}: ${segment} is reserved on Windows`);
      if (/[<>:"\\|?*\u0000-\u001f]/.test(segment) || /[. ]$/.test(segment)) problems.push(`${path}: ${JSON.stringify(segment)} is not a Windows file name`);
      if (Buffer.byteLength(segment) > 255) problems.push(`${path}: a name longer than 255 bytes`);
    }
  }
  return problems;
}

/**
 * Tags that would reach a Markdown renderer as HTML: any `<` opening a tag, comment or
 * declaration outside fenced code blocks and code spans (where it is shown as text).
 */
export function rawHtml(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/<[A-Za-z!/?][^\n]{0,40}/g)].map((m) => m[0]);
}

/**
 * Type-checks every output's `src` under the generated package's own strict compiler options in
 * one tsc run, emitting JavaScript to `<root>/emit/<output>/src`. Fails with tsc's report.
 */
export function typeCheckTogether(root: string, outputs: string[]): string {
  const { compilerOptions } = JSON.parse(readFileSync(join(REPO, 'templates/static/tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  const emit = join(root, 'emit');
  const config = {
    compilerOptions: { ...compilerOptions, rootDir: root, outDir: emit, declaration: false, declarationMap: false, sourceMap: false, noEmitOnError: false },
    include: outputs.map((dir) => join(relative(root, dir), 'src/**/*.ts').split(sep).join('/')),
  };
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify(config));
  // A package.json beside the sources and the emitted files keeps both ES modules.
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  const tsc = spawnSync(TSC, ['-p', join(root, 'tsconfig.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${(tsc.stdout + tsc.stderr).split('\n').slice(0, 60).join('\n')}`);
  return emit;
}

export interface ImportRun {
  imported: number;
  /** Calls of `__pwned()` and of `process.exit` made while importing. */
  pwned: number;
  failures: string[];
}

/** Imports every emitted module in one child process and reports anything that ran. */
export function importEvery(emitDir: string): ImportRun {
  const files = listJs(emitDir);
  const script = `
    let pwned = 0;
    globalThis.__pwned = () => { pwned++; };
    process.exit = () => { pwned++; };
    const { pathToFileURL } = await import('node:url');
    const failures = [];
    let list = '';
    for await (const chunk of process.stdin) list += chunk;
    const files = JSON.parse(list);
    for (const file of files) {
      try { await import(pathToFileURL(file).href); } catch (e) { failures.push(file + ': ' + (e && e.message)); }
    }
    console.log(JSON.stringify({ imported: files.length - failures.length, pwned, failures }));`;
  // The list goes on stdin: as an environment variable it outgrew Linux's 128 KiB limit for one (E2BIG).
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    input: JSON.stringify(files),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`importing the outputs failed:\n${child.error?.message ?? child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ImportRun;
}

function listJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listJs(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []))
    .sort();
}
