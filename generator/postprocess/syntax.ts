// Every rendered TypeScript file must parse: output that does not is a generator bug.
import { RenderedCodeError } from '../errors.ts';
import type { ModuleFacts } from './moduleFacts.ts';

/** At most this many parse errors are listed; one is already a bug to report. */
const MAX_LISTED = 20;

/** Throws RenderedCodeError listing `path:line:column message` for each parse error. */
export function checkSyntax(facts: ReadonlyMap<string, ModuleFacts>): void {
  const problems = [...facts.values()].flatMap((module) => module.problems);
  if (problems.length > 0) throw new RenderedCodeError(problems.slice(0, MAX_LISTED));
}
