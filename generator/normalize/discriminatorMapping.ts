// A discriminator's mapping, resolved the way a reader of the spec would: a value names a
// component (`Dog`) or points at a schema (`#/components/schemas/Dog`), possibly through
// references on the way (`#/components/schemas/Zoo/properties/pet` where `pet` is a `$ref`, or a
// component that is only a `$ref` to another). Each value ends as the reference the union's
// members use, so the generated types can pin the tag. A value that leads nowhere is dropped
// with a located warning; the rest of the spec still generates.
import { escapePointerSegment, parsePointer, pointerOf, resolvePointer } from '../pointer.ts';
import type { SchemaContext } from './normalizeSchema.ts';
import { isPlainObject, refName, SCHEMA_REF_PREFIX, type Schema } from './schema.ts';

/** How many `$ref`s one mapping value may pass through; far beyond real specs, and it ends cycles. */
const MAX_HOPS = 16;

export function resolveMapping(s: Schema, mapping: Record<string, unknown>, at: string, ctx: SchemaContext): Record<string, string> {
  const resolved: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [value, written] of Object.entries(mapping)) {
    const target = resolveTarget(s, written, `${at}/${escapePointerSegment(value)}`, ctx);
    if (target !== undefined) resolved[value] = target;
  }
  return resolved;
}

/** One mapping value (or 3.2's `defaultMapping`) as the reference it reaches; undefined, after a warning, when it reaches nothing. */
export function resolveTarget(s: Schema, written: unknown, where: string, ctx: SchemaContext): string | undefined {
  if (typeof written !== 'string') {
    ctx.diagnostics.warning(where, 'a discriminator mapping value must be a string; it is left out', 'DISCRIMINATOR_INVALID');
    return undefined;
  }
  const ref = mappingRef(written);
  if (!ref.startsWith('#')) {
    ctx.diagnostics.warning(where, `discriminator mapping '${written}' names another document; it is left out`, 'DISCRIMINATOR_INVALID');
    return undefined;
  }
  const target = followThroughRefs(ctx.document, ref);
  if (target === undefined) {
    ctx.diagnostics.warning(where, `discriminator mapping '${written}' points to nothing; it is left out`, 'DISCRIMINATOR_INVALID');
    return undefined;
  }
  const members = [...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((m) => (m.$ref === undefined ? [] : [m.$ref]));
  return memberFor(target, members, ctx.document);
}

/** A bare name (`Dog`) is a component's; anything else is a reference as written. */
function mappingRef(written: string): string {
  return /^[A-Za-z0-9._-]+$/.test(written) && !/\.(ya?ml|json)$/i.test(written) ? SCHEMA_REF_PREFIX + escapePointerSegment(written) : written;
}

/**
 * The pointer a reference reaches, following any `$ref` met on the way (a segment missing from
 * a `$ref` object is looked for in its target). A place holding only a reference to a component
 * is that component. Undefined when it leads nowhere.
 */
function followThroughRefs(document: unknown, ref: string): string | undefined {
  let path: string[] = [];
  let node: unknown = document;
  let hops = 0;
  const jump = (target: string): boolean => {
    if (!target.startsWith('#') || ++hops > MAX_HOPS) return false;
    path = parsePointer(target);
    node = resolvePointer(document, target);
    return node !== undefined;
  };
  for (const segment of parsePointer(ref)) {
    while (!hasChild(node, segment) && isPlainObject(node) && typeof node.$ref === 'string') if (!jump(node.$ref)) return undefined;
    if (!hasChild(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
    path = [...path, segment];
  }
  // An inline place that is only a reference stands for what it references.
  while (refName('#' + pointerOf(path)) === undefined && isPlainObject(node) && typeof node.$ref === 'string') if (!jump(node.$ref)) return undefined;
  return '#' + pointerOf(path);
}

/** The union member that is the target, or reaches it through components that only alias another; else the target. */
function memberFor(target: string, members: string[], document: unknown): string {
  if (members.includes(target)) return target;
  const targetChain = aliasChain(target, document);
  return members.find((m) => targetChain.includes(m) || aliasChain(m, document).includes(target)) ?? target;
}

/** A component, then the component it only refers to, and so on. */
function aliasChain(ref: string, document: unknown): string[] {
  const chain = [ref];
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const node = resolvePointer(document, chain.at(-1)!);
    const next = isPlainObject(node) && Object.keys(node).length === 1 && typeof node.$ref === 'string' ? node.$ref : undefined;
    if (next === undefined || refName(next) === undefined || chain.includes(next)) break;
    chain.push(next);
  }
  return chain;
}

function hasChild(node: unknown, segment: string): boolean {
  if (Array.isArray(node)) return /^\d+$/.test(segment) && Number(segment) < node.length;
  return isPlainObject(node) && Object.hasOwn(node, segment);
}
