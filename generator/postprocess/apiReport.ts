// api-report.md: the package's whole public surface, one section per module, each export's
// full declaration once (where it is first exported), reviewed in pull requests.
import type { Exported, Surface } from './surface.ts';

/** `modules`: the runtime index first, then the API and model files, in report order. */
export function apiReport(surface: Surface, modules: readonly string[]): string {
  const lines = ['# API report', '', 'The public surface of this package: every export of its index, with its full declaration. Review changes to this file in pull requests.', ''];
  const reported = new Set<string>();
  for (const path of modules) {
    const fresh: Exported[] = surface.exportsOf(path).filter((e) => !reported.has(e.name));
    if (fresh.length === 0) continue;
    fresh.forEach((e) => reported.add(e.name));
    lines.push(`## ${path}`, '', '```ts', ...fresh.map((e) => e.signature), '```', '');
  }
  return lines.join('\n');
}
