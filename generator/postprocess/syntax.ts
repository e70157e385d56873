// Every rendered TypeScript file must parse: output that does not is a generator bug.
import { RenderedCodeError } from '../errors.ts';
import { ts, type DiagnosticWithLocation, type SourceFile } from './tsMorph.ts';

/** At most this many parse errors are listed; one is already a bug to report. */
const MAX_LISTED = 20;

/** Throws RenderedCodeError listing `path:line:column message` for each parse error. */
export function checkSyntax(sources: ReadonlyMap<string, SourceFile>): void {
  const problems: string[] = [];
  for (const [path, sf] of sources) {
    const diagnostics = (sf.compilerNode as unknown as { parseDiagnostics?: DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    for (const d of diagnostics) {
      const { line, character } = sf.compilerNode.getLineAndCharacterOfPosition(d.start);
      problems.push(`${path}:${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
  }
  if (problems.length > 0) throw new RenderedCodeError(problems.slice(0, MAX_LISTED));
}
