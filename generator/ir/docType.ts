// How a type is shown in the Markdown docs: linked to the model's doc page when it names one.
import { markdownCode } from './text.ts';
import { printType, type TsType } from './typeExpr.ts';

export function docType(t: TsType): string {
  const inner = t.k === 'union' ? t.of.filter((m) => !(m.k === 'name' && m.text === 'null')) : [t];
  const nullable = inner.length !== (t.k === 'union' ? t.of.length : 1);
  const only = inner.length === 1 ? inner[0]! : undefined;
  const suffix = nullable ? ' \\| null' : '';
  if (only?.k === 'ref') return `[**${only.model}**](${only.model}.md)${suffix}`;
  if (only?.k === 'array' && only.of.k === 'ref') return `[**Array&lt;${only.of.model}&gt;**](${only.of.model}.md)${suffix}`;
  return `**${markdownCode(printType(t))}**`;
}
