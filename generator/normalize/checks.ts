// Checks that need the whole spec: names that must be unique, before and after camelCasing.
import { toApiClassName, toMethodName, toModelName } from '../naming.ts';
import { schemaPointer, type NormalizedSpec } from './normalize.ts';

export function checkNames(spec: NormalizedSpec): void {
  const { diagnostics } = spec;
  const byOperationId = new Map<string, string>();
  const methodsByClass = new Map<string, Map<string, string>>();
  for (const op of spec.operations) {
    const first = byOperationId.get(op.operationId);
    if (first !== undefined) diagnostics.error(`${op.pointer}/operationId`, `duplicate operationId '${op.operationId}' (first used at #${first})`, 'OPERATION_ID_DUPLICATE');
    else byOperationId.set(op.operationId, op.pointer);

    const className = toApiClassName(op.tags[0]);
    const methods = methodsByClass.get(className) ?? new Map<string, string>();
    methodsByClass.set(className, methods);
    const method = toMethodName(op.operationId);
    const clash = methods.get(method);
    if (clash !== undefined && first === undefined) {
      diagnostics.error(`${op.pointer}/operationId`, `operationId '${op.operationId}' becomes method ${className}.${method}, which '${clash}' already names`, 'METHOD_NAME_CLASH');
    } else methods.set(method, op.operationId);
  }

  const byModelName = new Map<string, string>();
  for (const key of spec.schemas.keys()) {
    const name = toModelName(key).toLowerCase();
    const clash = byModelName.get(name);
    if (clash !== undefined) {
      diagnostics.warning(schemaPointer(spec, key), `schema '${key}' and schema '${clash}' both become model ${toModelName(key)}; the later one gets a numeric suffix`, 'MODEL_NAME_CLASH');
    } else byModelName.set(name, key);
  }
}
