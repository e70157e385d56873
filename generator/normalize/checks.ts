// Checks that need the whole spec: model names that must be unique, before and after camelCasing
// (operations that share a method are renamed in operationIds.ts).
import { toModelName } from '../naming.ts';
import { schemaPointer, type NormalizedSpec } from './normalize.ts';

export function checkNames(spec: NormalizedSpec): void {
  const { diagnostics } = spec;
  const byModelName = new Map<string, string>();
  for (const key of spec.schemas.keys()) {
    const name = toModelName(key).toLowerCase();
    const clash = byModelName.get(name);
    if (clash !== undefined) {
      diagnostics.warning(schemaPointer(spec, key), `schema '${key}' and schema '${clash}' both become model ${toModelName(key)}; the later one gets a numeric suffix`, 'MODEL_NAME_CLASH');
    } else byModelName.set(name, key);
  }
}
