// How a type of the IR changed, in terms a caller cares about: which union members (enum values,
// literal types, `null`, referenced models, shapes) came and went. Works on the TsType trees, so
// two types are the same when their structures are, whatever their text.
import { typeKey } from '../ir/typeExpr.ts';
import type { PrimitiveName, TsType } from '../ir/types.ts';

export interface TypeChange {
  /** Members of the old type that the new one no longer accepts or produces. */
  removed: TsType[];
  /** Members of the new type that the old one did not have. */
  added: TsType[];
}

/** The change from `before` to `after`, or undefined when they are the same type. */
export function compareTypes(before: TsType, after: TsType): TypeChange | undefined {
  const a = unionMembers(before);
  const b = unionMembers(after);
  const removed = a.filter((m) => !covers(b, m));
  const removedPrimitives = new Set(removed.flatMap((m) => (m.kind === 'primitive' ? [m.name] : [])));
  // A literal counts as new when the primitive that covered it went away (`string` → `'a' | 'b'`).
  const added = b.filter((m) => !covers(a, m) || removedPrimitives.has(primitiveOf(m) ?? 'never'));
  if (removed.length === 0 && added.length === 0) return undefined;
  return { removed, added };
}

/** The top-level members of a union type (a type that is no union is its only member). */
export function unionMembers(type: TsType): TsType[] {
  return type.kind === 'union' ? type.members : [type];
}

/** Whether a union with these members accepts `member`: itself, or the primitive a literal belongs to. */
function covers(members: readonly TsType[], member: TsType): boolean {
  const key = typeKey(member);
  if (members.some((m) => typeKey(m) === key)) return true;
  const primitive = primitiveOf(member);
  return primitive !== undefined && members.some((m) => m.kind === 'primitive' && m.name === primitive);
}

/** The primitive type a literal belongs to (`'a'` → `string`), undefined for anything else. */
export function primitiveOf(member: TsType): PrimitiveName | undefined {
  if (member.kind !== 'literal') return undefined;
  return typeof member.value === 'string' ? 'string' : typeof member.value === 'number' ? 'number' : 'boolean';
}

/** Whether `member` is the primitive `name`. */
export function isPrimitiveMember(member: TsType, name: PrimitiveName): boolean {
  return member.kind === 'primitive' && member.name === name;
}

/** `Array<X>` → `X`; undefined for anything else. */
export function arrayItem(type: TsType): TsType | undefined {
  return type.kind === 'array' ? type.items : undefined;
}
