// Renames. The IR diff matches operations by operationId, models by name and properties by wire
// name, so a rename reads as one removal plus one addition. This post-pass pairs the two when they
// are clearly the same thing and reports one `renamed` change instead:
//
//   operation  same HTTP method and path template, another operationId            breaking
//   model      identical structure (kind, properties, types, heritage) under a new name   breaking
//   property   the only removed and the only added property of a model, same type          breaking
//   path parameter  same argument position and type, another name, same URL         docs
//
// A pair is made only when it is unique both ways: one removed and one added candidate with the
// same key. Renamed models are applied to the types of the others, so a parent whose inline child
// models were renamed with it pairs too, and a type change that is nothing but the rename (a
// property now typed `New` where it was `Old`: the compared type trees, not their text) is
// dropped: the rename already says it.
//
// Renamed operations, models and properties still break callers (they use the old name); a path
// parameter is a positional argument, so its name is documentation.
import { collectRefs, typeKey } from '../ir/typeExpr.ts';
import type { ClientIR, ModelIR, OperationIR, TsType } from '../ir/types.ts';
import { bumpFor, type ApiChange, type ApiDiff, type ChangeKind } from './diffIr.ts';

export function pairRenames(diff: ApiDiff, base: ClientIR, head: ClientIR): ApiDiff {
  let changes = pairOperations(diff.changes);
  const renamedModels = new Map<string, string>();
  changes = pairModels(changes, base, head, renamedModels);
  changes = pairProperties(changes, base, head, renamedModels);
  changes = pairPathParameters(changes, base, head);
  return finish(changes);
}

/** An operation's own pointer: a method of a path item (3.2's `query` too) or one of its 3.2 `additionalOperations`. */
const OPERATION_POINTER = /^#\/paths\/[^/]+\/(?:get|put|post|delete|options|head|patch|trace|query|additionalOperations\/[^/]+)$/;

type Subject = 'operation' | 'parameter' | 'model' | 'property';

/** What a change is about, read from its path and pointers (`Api.method`, `Api.method(param)`, `Model`, `Model.property`). */
function subjectOf(change: ApiChange): Subject {
  if (change.path.endsWith(')')) return 'parameter';
  if (OPERATION_POINTER.test(change.base ?? change.head ?? '')) return 'operation';
  return change.path === change.group ? 'model' : 'property';
}

function removals(changes: readonly ApiChange[], subject: Subject): ApiChange[] {
  return changes.filter((c) => c.head === null && c.base !== null && subjectOf(c) === subject);
}

function additions(changes: readonly ApiChange[], subject: Subject): ApiChange[] {
  return changes.filter((c) => c.base === null && c.head !== null && subjectOf(c) === subject);
}

/** Removed and added changes paired by `key` where each key has exactly one of each. */
function uniquePairs(removed: readonly ApiChange[], added: readonly ApiChange[], key: (change: ApiChange, side: 'base' | 'head') => string | undefined): Array<[ApiChange, ApiChange]> {
  const group = (changes: readonly ApiChange[], side: 'base' | 'head') => {
    const byKey = new Map<string, ApiChange[]>();
    for (const change of changes) {
      const k = key(change, side);
      if (k !== undefined) byKey.set(k, [...(byKey.get(k) ?? []), change]);
    }
    return byKey;
  };
  const before = group(removed, 'base');
  const after = group(added, 'head');
  const pairs: Array<[ApiChange, ApiChange]> = [];
  for (const [k, olds] of before) {
    const news = after.get(k);
    const [old] = olds;
    const [now] = news ?? [];
    if (olds.length === 1 && news?.length === 1 && old && now) pairs.push([old, now]);
  }
  return pairs;
}

/** The change list with each pair's removal replaced by `renamed(pair)` and its addition dropped. */
function replacePairs(changes: readonly ApiChange[], pairs: ReadonlyArray<[ApiChange, ApiChange]>, renamed: (removed: ApiChange, added: ApiChange) => ApiChange): ApiChange[] {
  const replacement = new Map(pairs.map(([removed, added]) => [removed, renamed(removed, added)]));
  const dropped = new Set(pairs.map(([, added]) => added));
  return changes.filter((c) => !dropped.has(c)).map((c) => replacement.get(c) ?? c);
}

/** One change for a pair: where the old thing was, where the new one is, both declarations. */
function renamedChange(removed: ApiChange, added: ApiChange, kind: ChangeKind, message: string): ApiChange {
  return { ...added, kind, message, base: removed.base, deprecation: false, before: removed.before, after: added.after };
}

// ── operations ──────────────────────────────────────────────────────────────

function pairOperations(changes: ApiChange[]): ApiChange[] {
  // The pointer names the method and path template: equal pointers, different operationIds.
  const pairs = uniquePairs(removals(changes, 'operation'), additions(changes, 'operation'), (c, side) => c[side] ?? undefined);
  return replacePairs(changes, pairs, (removed, added) => renamedChange(removed, added, 'breaking', `operation renamed: ${removed.path} → ${added.path}`));
}

// ── models ──────────────────────────────────────────────────────────────────

function pairModels(changes: ApiChange[], base: ClientIR, head: ClientIR, renamed: Map<string, string>): ApiChange[] {
  const before = new Map(base.models.map((m) => [m.name, m]));
  const after = new Map(head.models.map((m) => [m.name, m]));
  const removed = removals(changes, 'model').filter((c) => before.has(c.path));
  const added = additions(changes, 'model').filter((c) => after.has(c.path));
  if (removed.length === 0 || added.length === 0) return changes;
  // Renaming a parent renames its inline children with it: pair what is identical, apply those
  // renames to the remaining types, and pair again until nothing new pairs.
  const candidates = new Map<string, string>();
  for (;;) {
    const open = (list: ApiChange[], side: 'base' | 'head') => list.filter((c) => !(side === 'base' ? candidates.has(c.path) : [...candidates.values()].includes(c.path)));
    const pairs = uniquePairs(open(removed, 'base'), open(added, 'head'), (c, side) => (side === 'base' ? structureOf(before.get(c.path)!, candidates) : structureOf(after.get(c.path)!, new Map())));
    if (pairs.length === 0) break;
    for (const [old, now] of pairs) candidates.set(old.path, now.path);
  }
  // Identical shapes alone can be chance in a large diff: a rename also keeps its place, so a pair
  // stays only when something that used the old model uses the new one (or neither is used).
  const usedBefore = referrers(base);
  const usedAfter = referrers(head);
  for (let dropped = true; dropped; ) {
    dropped = false;
    for (const [old, now] of candidates) {
      const was = [...(usedBefore.get(old) ?? [])].map((where) => renamePlace(where, candidates));
      const is = usedAfter.get(now) ?? new Set<string>();
      const keepsItsPlace = was.length === 0 ? is.size === 0 : was.some((where) => is.has(where));
      if (!keepsItsPlace || structureOf(before.get(old)!, candidates) !== structureOf(after.get(now)!, new Map())) {
        candidates.delete(old);
        dropped = true;
      }
    }
  }
  for (const [old, now] of candidates) renamed.set(old, now);
  const pairs = removed.filter((c) => renamed.has(c.path)).map((c): [ApiChange, ApiChange] => [c, added.find((a) => a.path === renamed.get(c.path))!]);
  changes = replacePairs(changes, pairs, (old, now) => renamedChange(old, now, 'breaking', `model renamed: ${old.path} → ${now.path}`));
  return renamed.size === 0 ? changes : changes.filter((c) => !onlyTheRename(c, renamed));
}

/** For each model, the places that use it: `Model.property`, `Model` (its own type or heritage), `Api.method(arg)`, `Api.method()` (its result). */
function referrers(ir: ClientIR): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const note = (types: ReadonlyArray<TsType | undefined>, where: Place) => {
    const names = new Set<string>();
    for (const type of types) if (type) collectRefs(type, names);
    for (const name of names) result.set(name, (result.get(name) ?? new Set()).add(placeKey(where)));
  };
  for (const model of ir.models) {
    note([model.type, model.additional, ...model.heritage], { owner: model.name, member: '' });
    for (const p of model.properties) note([p.type], { owner: model.name, member: `.${p.name}` });
  }
  for (const api of ir.apis) {
    for (const op of api.operations) {
      const method = `${api.className}.${op.methodName}`;
      for (const p of op.parameters) note([p.type], { owner: method, member: `(${p.varName})` });
      if (op.requestBody) note([op.requestBody.sent.type], { owner: method, member: '(body)' });
      note([op.result.type, op.stream?.chunkType], { owner: method, member: '()' });
    }
  }
  return result;
}

/** Where a model is used: the model or method that uses it and, within it, the property or argument. */
interface Place {
  owner: string;
  member: string;
}

function placeKey(place: Place): string {
  return JSON.stringify([place.owner, place.member]);
}

/** The place with its owner renamed, when the owner is a renamed model. */
function renamePlace(key: string, renames: ReadonlyMap<string, string>): string {
  const [owner, member] = JSON.parse(key) as [string, string];
  return placeKey({ owner: renames.get(owner) ?? owner, member });
}

/** A model's shape without its name and prose, its types written with the renames applied. */
function structureOf(model: ModelIR, renames: ReadonlyMap<string, string>): string {
  const type = (t: TsType | undefined) => (t === undefined ? '' : typeKey(renameRefs(t, renames)));
  return JSON.stringify([
    model.kind,
    type(model.type),
    model.heritage.map(type),
    type(model.additional),
    model.properties.map((p) => [p.name, type(p.type), p.required, p.readonly]),
    model.enumValues,
  ]);
}

/** The type with every reference to a model in `renames` pointing at its new name. */
export function renameRefs(type: TsType, renames: ReadonlyMap<string, string>): TsType {
  const walk = (t: TsType): TsType => {
    switch (t.kind) {
      case 'reference':
        return { kind: 'reference', model: renames.get(t.model) ?? t.model };
      case 'array':
        return { kind: 'array', items: walk(t.items) };
      case 'record':
        return { kind: 'record', values: walk(t.values) };
      case 'union':
      case 'intersection':
        return { kind: t.kind, members: t.members.map(walk) };
      case 'object':
        return { kind: 'object', properties: t.properties.map((p) => ({ ...p, type: walk(p.type) })), additional: t.additional && walk(t.additional) };
      default:
        return t;
    }
  };
  return renames.size === 0 ? type : walk(type);
}

/** A type change that is nothing but renamed models: the old type, with their new names, is the new one. */
function onlyTheRename(change: ApiChange, renames: ReadonlyMap<string, string>): boolean {
  return change.types !== undefined && typeKey(renameRefs(change.types.before, renames)) === typeKey(change.types.after);
}

// ── properties ──────────────────────────────────────────────────────────────

function pairProperties(changes: ApiChange[], base: ClientIR, head: ClientIR, renamedModels: ReadonlyMap<string, string>): ApiChange[] {
  const propertyType = (ir: ClientIR, change: ApiChange) => {
    const wireName = change.path.slice(change.group.length + 1);
    return ir.models.find((m) => m.name === change.group)?.properties.find((p) => p.name === wireName)?.type;
  };
  const removed = removals(changes, 'property');
  const added = additions(changes, 'property');
  // One removed and one added property in the same model, of the same type: the model and the type are the key.
  const pairs = uniquePairs(removed, added, (c, side) => {
    const type = side === 'base' ? propertyType(base, c) : propertyType(head, c);
    if (type === undefined) return undefined;
    return JSON.stringify([c.group, typeKey(side === 'base' ? renameRefs(type, renamedModels) : type)]);
  }).filter(([old, now]) => removed.filter((c) => c.group === old.group).length === 1 && added.filter((c) => c.group === now.group).length === 1);
  return replacePairs(changes, pairs, (old, now) =>
    renamedChange(old, now, 'breaking', `property renamed: ${old.path.slice(old.group.length + 1)} → ${now.path.slice(now.group.length + 1)}`),
  );
}

// ── path parameters ─────────────────────────────────────────────────────────

/**
 * `/keys/{key_id}` → `/keys/{api_key_id}`: the URL a call sends is the same and the argument keeps
 * its place, so the operation did not move and no caller breaks. The IR diff reports an endpoint
 * move, a removed and an added path parameter; they become one docs change.
 */
function pairPathParameters(changes: ApiChange[], base: ClientIR, head: ClientIR): ApiChange[] {
  const operation = (ir: ClientIR, path: string) => {
    for (const api of ir.apis) for (const op of api.operations) if (`${api.className}.${op.methodName}` === path) return op;
    return undefined;
  };
  // Path parameters come first in call order, in path order: their index is the argument position.
  const pathParameter = (op: OperationIR | undefined, change: ApiChange) => {
    const varName = /\(([^()]*)\)$/.exec(change.path)?.[1];
    const inPath = op?.parameters.filter((p) => p.in === 'path') ?? [];
    const index = inPath.findIndex((p) => p.varName === varName);
    const param = inPath[index];
    return param && { index, param };
  };
  const operationOf = (change: ApiChange) => change.path.slice(0, change.path.lastIndexOf('('));
  const pairs = uniquePairs(removals(changes, 'parameter'), additions(changes, 'parameter'), (c, side) => {
    const found = pathParameter(operation(side === 'base' ? base : head, operationOf(c)), c);
    return found && JSON.stringify([operationOf(c), found.index, typeKey(found.param.type)]);
  });
  const moves = new Set<ApiChange>();
  const renamed = pairs.filter(([old]) => {
    const move = changes.find((c) => c.path === operationOf(old) && c.message.startsWith('endpoint moved') && c.base !== null && c.head !== null && sameRoute(c.base, c.head));
    if (move) moves.add(move);
    return move !== undefined;
  });
  const wireName = (ir: ClientIR, change: ApiChange) => pathParameter(operation(ir, operationOf(change)), change)?.param.name;
  return replacePairs(
    changes.filter((c) => !moves.has(c)),
    renamed,
    (old, now) => renamedChange(old, now, 'docs', `path parameter renamed: ${wireName(base, old)} → ${wireName(head, now)} (same URL, same argument position)`),
  );
}

/** Two operation pointers that differ only in the names of their path template's variables. */
function sameRoute(a: string, b: string): boolean {
  const route = (pointer: string) => pointer.replace(/\{[^}/]*\}/g, '{}');
  return route(a) === route(b);
}

// ── result ──────────────────────────────────────────────────────────────────

const KIND_ORDER: readonly ChangeKind[] = ['breaking', 'feature', 'docs'];

/** Summary and bump of the new list; changes regrouped by kind, each kind keeping the diff's order. */
function finish(changes: ApiChange[]): ApiDiff {
  const sorted = [...changes].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const summary: Record<ChangeKind, number> = { breaking: 0, feature: 0, docs: 0 };
  for (const change of sorted) summary[change.kind]++;
  return { bump: bumpFor(summary), summary, changes: sorted };
}
