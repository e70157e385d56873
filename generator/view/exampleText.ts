// Example values written as TypeScript source. Strings always go through `quote`, so spec text
// cannot escape the literal; keys through `objectLiteralKey`.
import { objectLiteralKey } from '../naming.ts';
import type { ExampleValue } from '../ir/types.ts';
import { literalText } from './typeText.ts';

export function exampleText(value: ExampleValue, indent = ''): string {
  switch (value.kind) {
    case 'scalar':
      return value.value === null ? 'null' : literalText(value.value);
    case 'binary':
      return "new Blob(['...'])";
    case 'array':
      return `[${value.items.map((item) => exampleText(item, indent)).join(', ')}]`;
    case 'object': {
      if (value.entries.length === 0) return '{}';
      const inner = indent + '  ';
      const body = value.entries.map((e) => `${inner}${objectLiteralKey(e.name)}: ${exampleText(e.value, inner)},`);
      return `{\n${body.join('\n')}\n${indent}}`;
    }
  }
}
