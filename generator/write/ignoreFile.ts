// `.openapi-generator-ignore`: the files inside the output folder the generator must never
// write or delete. Same syntax as openapi-generator's file (a subset of .gitignore):
//   # comment            blank lines and comments are skipped
//   README.md            a pattern without a slash matches that name at any depth
//   docs/*.md            a pattern with a slash is relative to the output folder
//   src/**/custom.ts     `**` spans any number of folders, `*` and `?` stay inside one name
//   scripts/             a trailing slash names a folder: everything below it
//   !docs/README.md      `!` takes a file back out of what earlier lines ignored
// Later lines win over earlier ones; a pattern that names a folder covers the files below it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const IGNORE_FILE = '.openapi-generator-ignore';

/** True when the generator must leave this path (relative, `/`-separated) alone. */
export type IgnoreMatcher = (path: string) => boolean;

interface Rule {
  negated: boolean;
  /** Matches a whole relative path or one of its parent folders. */
  pattern: RegExp;
  /** A trailing `/`: only folders match, so the path itself must be below the match. */
  folderOnly: boolean;
}

export const IGNORE_NOTHING: IgnoreMatcher = () => false;

/** The ignore rules of an output folder; none when it has no ignore file. */
export function readIgnoreFile(outDir: string): IgnoreMatcher {
  const file = join(outDir, IGNORE_FILE);
  return existsSync(file) ? parseIgnoreRules(readFileSync(file, 'utf8')) : IGNORE_NOTHING;
}

export function parseIgnoreRules(text: string): IgnoreMatcher {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(parseRule);
  if (rules.length === 0) return IGNORE_NOTHING;
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (ruleMatches(rule, path)) ignored = !rule.negated;
    return ignored;
  };
}

function parseRule(line: string): Rule {
  const negated = line.startsWith('!');
  let body = negated ? line.slice(1) : line;
  const folderOnly = body.endsWith('/');
  body = body.replace(/\/+$/, '');
  // gitignore: a slash anywhere but at the end anchors the pattern at the output folder.
  const anchored = body.includes('/');
  body = body.replace(/^\/+/, '');
  const source = globToRegExp(body);
  return { negated, folderOnly, pattern: new RegExp(anchored ? `^${source}$` : `^(?:.*/)?${source}$`) };
}

function globToRegExp(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` spans zero or more folders; a bare `**` spans anything.
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** The path itself (unless the rule names folders only) or any folder above it. */
function ruleMatches(rule: Rule, path: string): boolean {
  const segments = path.split('/');
  const last = rule.folderOnly ? segments.length - 1 : segments.length;
  for (let n = 1; n <= last; n++) if (rule.pattern.test(segments.slice(0, n).join('/'))) return true;
  return false;
}
