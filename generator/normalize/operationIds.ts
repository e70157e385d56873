// Operation names as openapi-generator gives them when the spec leaves them out or repeats them,
// so our methods line up with its Ruby client's (checked against openapi-generator 7.17's output):
// a missing operationId becomes the path's words then the method (`/pets/{id}` get → `petsIdGet`),
// and within one API class an operationId whose method is taken gets `_0`, `_1`… (`getPet`,
// `getPet_0`, `getPet_1`). Each rename is a warning at the operation; the run goes on.
import { resolvePointer } from '../pointer.ts';
import { camelize, toApiClassName, toMethodName } from '../naming.ts';
import type { NormalizedSpec } from './normalize.ts';

/** openapi-generator's getOrGenerateOperationId for an operation that has none. */
export function operationIdFromPath(path: string, method: string): string {
  const bare = path.replace(/[{}]/g, '');
  const words = `${bare}/${method}`.split('/').filter(Boolean);
  const first = words[0]!;
  const name = (bare === '/' ? 'root' : '') + [first[0]!.toLowerCase() + first.slice(1), ...words.slice(1).map((w) => camelize(w))].join('');
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Renames operations whose method another operation of the same class already has (same
 * operationId, or one that becomes the same method, like `list_things` and `listThings`).
 * Runs after inline schemas are named, which use the operationId as written, as in openapi-generator.
 */
export function renameDuplicateOperations(spec: NormalizedSpec, document: unknown): void {
  const classes = new Map<string, ClassMethods>();
  for (const op of spec.operations) {
    // An operation tagged several times is a method of each tag's class: its name must be free in all of them.
    const classNames = [...new Set((op.tags.length > 0 ? op.tags : [undefined]).map(toApiClassName))];
    const groups = classNames.map((className) => {
      const earlier = classes.get(className) ?? { methods: [], pointers: [], taken: new Set<string>() };
      classes.set(className, earlier);
      return { className, earlier };
    });
    const method = toMethodName(op.operationId);
    // Most names are free: only a taken one pays for the pass over the class's methods (Graph's classes have thousands).
    const unique = groups.some((g) => g.earlier.taken.has(method)) ? uniqueOperationId(op.operationId, groups.flatMap((g) => g.earlier.methods)) : op.operationId;
    const named = unique === op.operationId ? method : toMethodName(unique);
    if (unique !== op.operationId) {
      const { className, earlier } = groups.find((g) => g.earlier.taken.has(method)) ?? groups[0]!;
      const written = resolvePointer(document, `${op.pointer}/operationId`) !== undefined;
      const first = earlier.pointers[earlier.methods.indexOf(method)];
      spec.diagnostics.warning(
        written ? `${op.pointer}/operationId` : op.pointer,
        `operationId '${op.operationId}' gives method ${className}.${method}, which the operation at #${first} already has; named '${unique}' (method ${named}), as openapi-generator names it`,
        'OPERATION_ID_DUPLICATE',
      );
      op.operationId = unique;
    }
    for (const { earlier } of groups) {
      earlier.methods.push(named);
      earlier.pointers.push(op.pointer);
      earlier.taken.add(named);
    }
  }
}

/** The methods of one API class so far, in operation order, with the pointer of each one's operation. */
interface ClassMethods {
  methods: string[];
  pointers: string[];
  taken: Set<string>;
}

function uniqueOperationId(operationId: string, takenMethods: readonly string[]): string {
  // openapi-generator's single pass: each earlier operation with the name so far moves the counter on.
  let name = operationId;
  let method = toMethodName(name);
  let counter = 0;
  for (const taken of takenMethods) {
    if (taken !== method) continue;
    name = `${operationId}_${counter++}`;
    method = toMethodName(name);
  }
  // That pass can leave a clash with an operation it walked past; a name is never shared.
  const taken = new Set(takenMethods);
  while (taken.has(toMethodName(name))) name = `${operationId}_${counter++}`;
  return name;
}
