// The IR of a spec, built in memory (load → normalize → ir): all the diff needs, no files rendered.
import { buildIr, DEFAULT_PACKAGE } from '../ir/buildIr.ts';
import type { ClientIR } from '../ir/types.ts';
import { loadSpec, parseSpecText } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';

export function irOfSpecFile(file: string): ClientIR {
  return buildIr(normalize(loadSpec(file)), DEFAULT_PACKAGE);
}

/** `file` names the text in error messages (a git ref's spec has no file on disk). */
export function irOfSpecText(text: string, file: string): ClientIR {
  return buildIr(normalize(parseSpecText(text, file)), DEFAULT_PACKAGE);
}
