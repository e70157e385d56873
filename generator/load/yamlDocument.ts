// What the whole parse and the block-by-block read (yamlBlocks.ts) of a YAML spec share: the
// bound on alias expansion, and where a JSON pointer's value starts in a parsed document.
import { isNode, type Document, type LineCounter } from 'yaml';

/**
 * How far YAML aliases may expand: `yaml`'s measure, uses of an anchor times the aliases
 * nested inside it. OpenAI's specs stay under 100 (yaml's own default); an alias bomb passes
 * any bound within a few levels, long before it costs memory.
 */
export const MAX_ALIAS_COUNT = 1000;

/** The line and column of the node the keys name, or of its nearest existing ancestor. */
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
