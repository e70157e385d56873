// Where a JSON pointer's value starts in a parsed YAML document: the node the keys name, or
// its nearest existing ancestor, as line and column.
import { isNode, type Document, type LineCounter } from 'yaml';

export function locateInYaml(doc: Document, lines: LineCounter, path: readonly string[]): { line: number; column: number } | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = tryGetIn(doc, keys);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

function tryGetIn(doc: Document, keys: Array<string | number>): unknown {
  try {
    // Map keys are scalars that may be strings even when they look like numbers ("200").
    return doc.getIn(keys, true) ?? doc.getIn(keys.map(String), true);
  } catch {
    return undefined;
  }
}
