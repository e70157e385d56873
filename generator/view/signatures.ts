// A method's parameter lists, defined once: the API class (api.ts.hbs) and its doc page
// (docs/api.md.hbs) both print these.
import type { ParamView, SignatureView } from './types.ts';

/** A body whose `stream` flag selects the stream is declared non-streaming where only JSON comes back. */
export const NON_STREAMING_BODY = ' & { stream?: false | null }';
const STREAMING_BODY = ' & { stream: true }';

export function signatureOf(positional: ParamView[], optsTypeName: string | undefined, streamFlag: boolean): SignatureView {
  const tail = (head: string[]) => [...head, ...(optsTypeName ? [`opts?: ${optsTypeName}`] : []), 'options?: RequestOptions'].join(', ');
  const declare = (p: ParamView, bodySuffix: string, optionalMark: boolean) => `${p.varName}${optionalMark && !p.required ? '?' : ''}: ${p.tsType}${p.isBody ? bodySuffix : ''}`;
  const plainSuffix = streamFlag ? NON_STREAMING_BODY : '';
  const callTail = [...(optsTypeName ? ['opts'] : []), 'options'];
  return {
    params: tail(positional.map((p) => declare(p, '', true))),
    call: [...positional.map((p) => p.varName), ...callTail].join(', '),
    streamOverloadParams: tail(positional.map((p) => declare(p, STREAMING_BODY, false))),
    plainOverloadParams: tail(positional.map((p) => declare(p, NON_STREAMING_BODY, false))),
    plainParams: tail(positional.map((p) => declare(p, plainSuffix, true))),
    plainCall: [...positional.map((p) => (p.isBody && streamFlag ? `${p.varName} as ${p.tsType}${NON_STREAMING_BODY}` : p.varName)), ...callTail].join(', '),
    specParams: [...positional.map((p) => declare(p, '', true)), ...(optsTypeName ? [`opts?: ${optsTypeName}`] : [])].join(', '),
    specCall: [...positional.map((p) => p.varName), ...(optsTypeName ? ['opts'] : [])].join(', '),
  };
}
