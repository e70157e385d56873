// Whether a top-level declaration is exported, answered from syntax alone: `export` on the
// declaration, or the declaration's name in a local export list (`export { a, b as c }` without
// `from`) or in `export default name`. The type checker would answer the same for a module's
// own declarations, but building one binds every file of the program (about a second on the
// full OpenAI spec) on a stage that is meant to parse only. The generated runtime has a few
// unexported helpers (Configuration.ts, ApiError.ts), so the question always comes up.
import type * as TypeScript from 'typescript';
import { ts } from './typescript.ts';

export class ExportedNames {
  private readonly listed = new Set<string>();

  constructor(sf: TypeScript.SourceFile) {
    for (const statement of sf.statements) {
      if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) this.listed.add((element.propertyName ?? element.name).text);
      } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
        this.listed.add(statement.expression.text);
      }
    }
  }

  /** For classes, interfaces, type aliases, functions: the export keyword, or the name in an export list. */
  isExported(node: TypeScript.DeclarationStatement): boolean {
    return hasModifier(node, ts.SyntaxKind.ExportKeyword) || (node.name !== undefined && this.listed.has(node.name.text));
  }

  /** For a variable statement: its export keyword alone (it has no name of its own to list). */
  isStatementExported(node: TypeScript.VariableStatement): boolean {
    return hasModifier(node, ts.SyntaxKind.ExportKeyword);
  }
}

export function hasModifier(node: TypeScript.Node, kind: TypeScript.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}
