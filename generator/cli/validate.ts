// `validate`, and `generate --validate`: our checks and openapi-generator's, each problem once.
import { SpecError, type Diagnostic, type Locator } from '../diagnostics.ts';
import { loadSpec } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';

/**
 * Our checks, then openapi-generator's; a problem both report is shown once (ours, which
 * points deeper or at the same place). In file order.
 */
export async function allDiagnostics(specPath: string, withOracle: boolean): Promise<Diagnostic[]> {
  const ours: Diagnostic[] = [];
  let locate: Locator | undefined; // stays unset when our loader cannot read the spec
  try {
    const loaded = loadSpec(specPath);
    locate = loaded.locate;
    ours.push(...normalize(loaded).diagnostics.items);
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    ours.push(...err.diagnostics);
  }
  const oracle = withOracle ? await oracleDiagnostics(specPath, locate) : [];
  const sameSpot = (a: Diagnostic, b: Diagnostic) => a.severity === b.severity && (a.pointer === b.pointer || a.pointer.startsWith(b.pointer + '/'));
  const fresh = oracle.filter((o) => o.pointer === '' || !ours.some((d) => sameSpot(d, o)));
  return [...ours, ...fresh].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** openapi-generator's own validation, with line numbers added from our source map. */
async function oracleDiagnostics(specPath: string, locate: Locator | undefined): Promise<Diagnostic[]> {
  const { validateWithOpenApiGenerator } = await import('../oracle/openapiGenerator.ts');
  const found = await validateWithOpenApiGenerator(specPath);
  return found.map((d) => {
    const at = d.pointer !== undefined && d.line === undefined ? locate?.(d.pointer) : undefined;
    return { ...d, pointer: d.pointer ?? '', message: `openapi-generator: ${d.message}`, ...(at ?? {}) };
  });
}
