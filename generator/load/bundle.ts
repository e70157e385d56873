// Multi-file specs become one document in the load stage. A `$ref` to another local file
// (`./schemas.yaml#/Pet`, `../common/errors.yaml`) is bundled: a schema is hoisted into
// components/schemas (so a model keeps its name and recursion across files works), anything
// else (path item, operation, parameter, response...) is copied in place. Only files inside the
// spec's folder tree are read, never the network; each file obeys the size limit and the alias
// bound, and every diagnostic is located in the file and on the line where it is written.
import { realpathSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic, DiagnosticCode, Locator } from '../diagnostics.ts';
import { SpecError } from '../errors.ts';
import { escapePointerSegment, parsePointer, pointerOf } from '../pointer.ts';

/** One parsed file of the spec. */
export interface SpecFile {
  file: string;
  value: unknown;
  locate: Locator;
}

export interface BundleInput {
  root: SpecFile & { value: Record<string, unknown> };
  /** Reads and parses another file of the spec (size limit and alias bound included). */
  read: (file: string) => SpecFile;
}

export interface Bundled {
  document: Record<string, unknown>;
  /** Locates a pointer of the bundled document in the file where it is written. */
  locate: Locator;
}

/** Keys whose value is a schema; a `$ref` there (or in an entry of the maps and lists below) is hoisted. */
const SCHEMA_KEYS = new Set(['schema', 'items', 'additionalProperties', 'not', 'propertyNames', 'contains', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'itemSchema']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** Where a part of the bundled document came from. */
interface Origin {
  at: string[];
  file: SpecFile;
  pointer: string[];
}

export function bundle(input: BundleInput): Bundled {
  const bundler = new Bundler(input);
  return bundler.run();
}

class Bundler {
  private readonly rootFile: string;
  private readonly rootDir: string;
  private readonly files = new Map<string, SpecFile>();
  private readonly problems: Diagnostic[] = [];
  private readonly origins: Origin[] = [];
  /** Schema name in components/schemas by `file#pointer` of the external schema. */
  private readonly names = new Map<string, string>();
  /** The root's own component schema names, which hoisted schemas must not take. */
  private readonly rootNames: Set<string>;
  /** External schemas moved into components/schemas, by name. */
  private readonly hoisted: Record<string, unknown> = {};
  /** `file#pointer` of the references being copied in, to stop on a cycle. */
  private readonly copying: string[] = [];

  constructor(private readonly input: BundleInput) {
    this.rootFile = realpathSync(input.root.file);
    this.rootDir = dirname(this.rootFile);
    this.files.set(this.rootFile, input.root);
    this.rootNames = new Set(Object.keys(rootSchemas(input.root.value)));
  }

  run(): Bundled {
    const root = this.input.root;
    if (!containsExternalRef(root.value)) return { document: root.value, locate: root.locate };
    // A root component that is only an external $ref keeps its name: its target is copied there.
    for (const [name, schema] of Object.entries(rootSchemas(root.value))) {
      const ref = isObject(schema) && Object.keys(schema).length === 1 ? schema['$ref'] : undefined;
      if (typeof ref !== 'string' || ref.startsWith('#')) continue;
      const target = this.target(ref, root, ['components', 'schemas', name, '$ref']);
      if (target && target.file !== this.rootFile) this.names.set(key(target.file, target.pointer), name);
    }
    const document = this.walk(root.value, [], root, []) as Record<string, unknown>;
    if (Object.keys(this.hoisted).length > 0) {
      const components = (isObject(document['components']) ? document['components'] : (document['components'] = {})) as Record<string, unknown>;
      components['schemas'] = { ...rootSchemas(document), ...this.hoisted };
    }
    if (this.problems.length > 0) throw new SpecError(this.problems);
    return { document, locate: (pointer) => this.locate(parsePointer(pointer)) };
  }

  /** A copy of `value` (written in `file` at `source`, placed at `at`) with every external $ref bundled. */
  private walk(value: unknown, at: string[], file: SpecFile, source: string[]): unknown {
    if (Array.isArray(value)) return value.map((item, i) => this.walk(item, [...at, String(i)], file, [...source, String(i)]));
    if (!isObject(value)) return value;
    const ref = value['$ref'];
    if (typeof ref === 'string' && (file !== this.input.root || !ref.startsWith('#'))) return this.bundleRef(ref, value, at, file, source);
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const isMapping = k === 'mapping' && at.at(-1) === 'discriminator' && isObject(v);
      copy[k] = isMapping ? this.bundleMapping(v, file, [...source, k]) : this.walk(v, [...at, k], file, [...source, k]);
    }
    return copy;
  }

  /**
   * A discriminator mapping names schemas like a `$ref` does: a value naming another file
   * (`./dog.yaml`, `pets.yaml#/Dog`), or a `#` pointer written in another file, becomes the
   * reference to its bundled schema. A value leading nowhere stays as written (normalize warns).
   */
  private bundleMapping(mapping: Record<string, unknown>, file: SpecFile, source: string[]): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const [tag, written] of Object.entries(mapping)) {
      const external = typeof written === 'string' && (written.startsWith('#') ? file !== this.input.root : /[/#]|\.(ya?ml|json)$/i.test(written));
      const target = external ? this.target(written, file, [...source, tag], { quiet: true }) : undefined;
      copy[tag] = target ? this.schemaRef(target) : written;
    }
    return copy;
  }

  /** The local reference to a schema: in the root file as written, else to its hoisted copy. */
  private schemaRef(target: { file: string; pointer: string[]; value: unknown }): string {
    if (target.file === this.rootFile) return '#' + pointerOf(target.pointer);
    const id = key(target.file, target.pointer);
    const name = this.names.get(id) ?? this.hoist(id, target, this.files.get(target.file)!);
    return `#/components/schemas/${escapePointerSegment(name)}`;
  }

  /** The replacement for `{ $ref }` written in `file`: a local reference to a hoisted schema, or the target copied in. */
  private bundleRef(ref: string, holder: Record<string, unknown>, at: string[], file: SpecFile, source: string[]): unknown {
    const target = this.target(ref, file, [...source, '$ref']);
    if (!target) return { ...holder };
    const siblings = Object.fromEntries(Object.entries(holder).filter(([k]) => k !== '$ref'));
    if (target.file === this.rootFile) return { ...siblings, $ref: '#' + pointerOf(target.pointer) };
    const targetFile = this.files.get(target.file)!;
    const id = key(target.file, target.pointer);
    if (isSchemaPlace(at)) {
      const named = this.names.get(id);
      // The root component named after this target receives its copy; every other use refers to it.
      if (named !== undefined && at.length === 3 && at[2] === named && this.rootNames.has(named)) return this.copy(target, targetFile, at);
      return { ...siblings, $ref: this.schemaRef(target) };
    }
    if (this.copying.includes(id)) {
      this.report('REF_CYCLE', file, [...source, '$ref'], `$ref '${ref}' forms a cycle across files: ${[...this.copying.slice(this.copying.indexOf(id)), id].map((k) => this.show(k)).join(' → ')}`);
      return { ...holder };
    }
    this.copying.push(id);
    const copied = this.copy(target, targetFile, at);
    this.copying.pop();
    return isObject(copied) ? { ...copied, ...siblings } : copied;
  }

  /** The target, bundled, placed at `at`; diagnostics there are located in its own file. */
  private copy(target: { pointer: string[]; value: unknown }, file: SpecFile, at: string[]): unknown {
    this.origins.push({ at, file, pointer: target.pointer });
    return this.walk(target.value, at, file, target.pointer);
  }

  /** Moves an external schema into components/schemas under a fresh name; its name is taken first, so recursion ends. */
  private hoist(id: string, target: { file: string; pointer: string[]; value: unknown }, file: SpecFile): string {
    const wanted = target.pointer.at(-1) ?? basename(target.file, extname(target.file));
    let name = wanted;
    for (let n = 1; this.rootNames.has(name) || name in this.hoisted; n++) name = `${wanted}${n}`;
    this.names.set(id, name);
    this.hoisted[name] = {};
    this.hoisted[name] = this.copy(target, file, ['components', 'schemas', name]);
    return name;
  }

  /** The file, pointer and value a $ref names, or undefined after a located error (none when quiet). */
  private target(ref: string, from: SpecFile, refAt: string[], { quiet = false } = {}): { file: string; pointer: string[]; value: unknown } | undefined {
    const report = (code: DiagnosticCode, message: string) => {
      if (!quiet) this.report(code, from, refAt, message);
    };
    const hash = ref.indexOf('#');
    const path = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = parsePointer(hash < 0 ? '' : ref.slice(hash));
    if (/^[a-z][a-z0-9+.-]+:/i.test(path)) {
      report('REF_REMOTE', `$ref '${ref}' is remote: only files inside the spec's folder are read, never the network`);
      return undefined;
    }
    let file = realpathSync(from.file);
    if (path !== '') {
      const wanted = resolve(dirname(file), safeDecodeUri(path));
      try {
        file = realpathSync(wanted);
      } catch {
        report('REF_FILE_MISSING', `$ref '${ref}' names a file that does not exist (${relative(this.rootDir, wanted)})`);
        return undefined;
      }
      const inside = relative(this.rootDir, file);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        report('REF_OUTSIDE_FOLDER', `$ref '${ref}' leaves the spec's folder (${this.rootDir}); only files inside it are read`);
        return undefined;
      }
    }
    const spec = this.open(file);
    const value = valueAt(spec.value, pointer);
    if (value === undefined) {
      report('REF_UNRESOLVED', `$ref '${ref}' points to nothing`);
      return undefined;
    }
    return { file, pointer, value };
  }

  private open(file: string): SpecFile {
    let spec = this.files.get(file);
    if (!spec) {
      spec = this.input.read(file);
      this.files.set(file, spec);
    }
    return spec;
  }

  private report(code: DiagnosticCode, file: SpecFile, pointer: string[], message: string): void {
    const at = pointerOf(pointer);
    // A root component's $ref is looked at twice (for its name, then in place); it is reported once.
    if (this.problems.some((p) => p.file === file.file && p.pointer === at && p.message === message)) return;
    this.problems.push({ severity: 'error', code, file: file.file, pointer: at, ...file.locate(at), message });
  }

  private show(id: string): string {
    const [file, pointer] = id.split('\0') as [string, string];
    return `${relative(this.rootDir, file)}#${pointer}`;
  }

  /** The innermost copied part holding `path` decides the file; the rest of the path is followed there. */
  private locate(path: string[]): ReturnType<Locator> {
    let best: Origin | undefined;
    for (const origin of this.origins) {
      if (origin.at.length <= path.length && origin.at.every((s, i) => s === path[i]) && (!best || origin.at.length >= best.at.length)) best = origin;
    }
    if (!best) return this.input.root.locate(pointerOf(path));
    const pointer = pointerOf([...best.pointer, ...path.slice(best.at.length)]);
    const where = best.file.locate(pointer);
    return where ? { ...where, file: best.file.file } : undefined;
  }
}

/** Whether a `$ref` at this place names a schema (hoisted) rather than another object (copied in). */
function isSchemaPlace(at: string[]): boolean {
  const parent = at.at(-1);
  const grand = at.at(-2);
  if (at.length === 3 && at[0] === 'components' && at[1] === 'schemas') return true;
  if (parent !== undefined && SCHEMA_KEYS.has(parent)) return true;
  return grand !== undefined && (SCHEMA_MAPS.has(grand) || SCHEMA_LISTS.has(grand));
}

function safeDecodeUri(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path; // a stray `%` in a file name is kept as written
  }
}

function rootSchemas(document: Record<string, unknown>): Record<string, unknown> {
  const components = document['components'];
  return isObject(components) && isObject(components['schemas']) ? components['schemas'] : {};
}

function containsExternalRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsExternalRef);
  if (!isObject(value)) return false;
  if (typeof value['$ref'] === 'string' && !value['$ref'].startsWith('#')) return true;
  return Object.values(value).some(containsExternalRef);
}

function key(file: string, pointer: string[]): string {
  return `${file}\0${pointerOf(pointer)}`;
}

function valueAt(document: unknown, path: string[]): unknown {
  let node = document;
  for (const segment of path) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
