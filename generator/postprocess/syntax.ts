// Every rendered TypeScript file must parse: output that does not is a generator bug.
import { RenderedCodeError } from '../errors.ts';
import { ts, type DiagnosticWithLocation, type SourceFile } from './tsMorph.ts';

/** At most this many parse errors are listed; one is already a bug to report. */
const MAX_LISTED = 20;

/** `path:line:column message` for each parse error of one file. */
export function syntaxErrors(path: string, sf: SourceFile): string[] {
  const diagnostics = (sf.compilerNode as unknown as { parseDiagnostics?: DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => {
    const { line, character } = sf.compilerNode.getLineAndCharacterOfPosition(d.start);
    return `${path}:${line + 1}:${character + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/** Throws RenderedCodeError listing the parse errors found, when there are any. */
export function checkSyntax(problems: readonly string[]): void {
  if (problems.length > 0) throw new RenderedCodeError(problems.slice(0, MAX_LISTED));
}
