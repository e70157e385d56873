// How a TypeScript type expression of the IR changed, in terms a caller cares about: which union
// members (enum values, literal types, `null`, referenced types) came and went.
//
// Works on the IR's type text: the IR already decided each type, so the diff reads the same text
// the generated client declares, split at its top-level `|`.

export interface TypeChange {
  /** Members of the old type that the new one no longer accepts or produces. */
  removed: string[];
  /** Members of the new type that the old one did not have. */
  added: string[];
}

/** The change from `before` to `after`, or undefined when they declare the same type. */
export function compareTypes(before: string, after: string): TypeChange | undefined {
  const a = unionMembers(before);
  const b = unionMembers(after);
  const removed = a.filter((m) => !covers(b, m));
  // A literal counts as new when the primitive that covered it went away (`string` → `'a' | 'b'`).
  const added = b.filter((m) => !covers(a, m) || removed.includes(primitiveOf(m) ?? ''));
  if (removed.length === 0 && added.length === 0) return undefined;
  return { removed, added };
}

/** The top-level members of a union type, `undefined` left out (optionality is reported on its own). */
export function unionMembers(type: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if ('<([{'.includes(c)) depth++;
    else if ('>)]}'.includes(c)) depth--;
    else if (c === '|' && depth === 0) {
      members.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(type.slice(start).trim());
  return members.filter((m) => m !== '' && m !== 'undefined');
}

/** Whether a union with these members accepts `member`: itself, or the primitive a literal belongs to. */
function covers(members: readonly string[], member: string): boolean {
  if (members.includes(member)) return true;
  return primitiveOf(member) !== undefined && members.includes(primitiveOf(member)!);
}

/** The primitive type a literal type belongs to (`'a'` → `string`), undefined for anything else. */
export function primitiveOf(member: string): string | undefined {
  if (/^'.*'$|^".*"$/s.test(member)) return 'string';
  if (/^-?\d/.test(member)) return 'number';
  if (member === 'true' || member === 'false') return 'boolean';
  return undefined;
}

/** `Array<X>` → `X`; undefined for anything else. */
export function arrayItem(type: string): string | undefined {
  const members = unionMembers(type);
  if (members.length !== 1) return undefined;
  const match = /^Array<(.*)>$/s.exec(members[0]);
  return match?.[1];
}
