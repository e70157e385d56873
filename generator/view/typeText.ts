// TsType → TypeScript source and Markdown. Parentheses are added only where precedence needs them.
import { propertyKey, quote } from '../naming.ts';
import type { TsType } from '../ir/types.ts';
import { markdownCode } from './text.ts';

const PRIMITIVE_TEXT = { string: 'string', number: 'number', boolean: 'boolean', null: 'null', unknown: 'unknown', never: 'never', void: 'void', binary: 'Blob' } as const;

export function printType(t: TsType): string {
  switch (t.kind) {
    case 'primitive':
      return PRIMITIVE_TEXT[t.name];
    case 'openString':
      return '(string & {})';
    case 'literal':
      return literalText(t.value);
    case 'reference':
      return t.model;
    case 'array':
      return `Array<${printType(t.items)}>`;
    case 'record':
      return `Record<string, ${printType(t.values)}>`;
    case 'union':
      return t.members.map((m) => (m.kind === 'intersection' ? `(${printType(m)})` : printType(m))).join(' | ');
    case 'intersection':
      return t.members.map(intersectionMember).join(' & ');
    case 'object': {
      const members = t.properties.map((p) => `${p.readonly ? 'readonly ' : ''}${propertyKey(p.name)}${p.optional ? '?' : ''}: ${printType(p.type)}`);
      if (t.additional) members.push(`[key: string]: ${printType(t.additional)}`);
      return members.length === 0 ? 'Record<string, never>' : `{ ${members.join('; ')} }`;
    }
  }
}

/** A member of `A & B`: a union needs parentheses. */
export function intersectionMember(t: TsType): string {
  return t.kind === 'union' ? `(${printType(t)})` : printType(t);
}

/** A literal type or value: strings quoted, numbers and booleans as written. */
export function literalText(value: string | number | boolean): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

/** How a type is shown in the Markdown docs: linked to the model's doc page when it names one. */
export function docType(t: TsType): string {
  const members = t.kind === 'union' ? t.members : [t];
  const inner = members.filter((m) => !(m.kind === 'primitive' && m.name === 'null'));
  const only = inner.length === 1 ? inner[0] : undefined;
  const suffix = inner.length !== members.length ? ' \\| null' : '';
  if (only?.kind === 'reference') return `[**${only.model}**](${only.model}.md)${suffix}`;
  if (only?.kind === 'array' && only.items.kind === 'reference') return `[**Array&lt;${only.items.model}&gt;**](${only.items.model}.md)${suffix}`;
  return `**${markdownCode(printType(t))}**`;
}
