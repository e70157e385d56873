// `validate`, and `generate --validate`: our checks and openapi-generator's, each problem once.
import type { Diagnostic } from '../diagnostics.ts';
import { SpecError } from '../errors.ts';
import { loadSpec, type LoadedSpec } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';

/**
 * Our checks, then openapi-generator's; a problem both report is shown once (ours, which
 * points deeper or at the same place). In file order.
 */
export async function allDiagnostics(specPath: string, withOracle: boolean, maxSpecBytes?: number): Promise<Diagnostic[]> {
  let loaded: LoadedSpec;
  try {
    loaded = loadSpec(specPath, { maxSpecBytes });
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    // openapi-generator only ever sees a document our loader could read (see validateDocument).
    return err.diagnostics;
  }
  return loadedDiagnostics(loaded, withOracle);
}

/** allDiagnostics of a spec already loaded. */
export async function loadedDiagnostics(loaded: LoadedSpec, withOracle: boolean): Promise<Diagnostic[]> {
  const ours: Diagnostic[] = [];
  try {
    ours.push(...normalize(loaded).diagnostics.items);
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    ours.push(...err.diagnostics);
  }
  const oracle = withOracle ? await oracleDiagnostics(loaded) : [];
  const sameSpot = (a: Diagnostic, b: Diagnostic) => a.severity === b.severity && (a.pointer === b.pointer || a.pointer.startsWith(b.pointer + '/'));
  const fresh = oracle.filter((o) => o.pointer === '' || !ours.some((d) => sameSpot(d, o)));
  return [...ours, ...fresh].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** openapi-generator's own validation of a copy without external $refs, with line numbers from our source map. */
async function oracleDiagnostics({ document, file, locate }: LoadedSpec): Promise<Diagnostic[]> {
  const { validateDocument } = await import('../oracle/openapiGenerator.ts');
  const found = await validateDocument(document, file);
  return found.map((d) => {
    const at = d.pointer !== undefined && d.line === undefined ? locate(d.pointer) : undefined;
    return { ...d, code: 'ORACLE_REPORTED', pointer: d.pointer ?? '', message: `openapi-generator: ${d.message}`, ...(at ?? {}) };
  });
}
