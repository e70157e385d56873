// Whether a top-level declaration is exported, answered from syntax alone.
//
// ts-morph's isExported() checks the `export` keyword first; for a declaration without one
// it asks the type checker (getSymbol() and the file's export table). The first such question
// builds a Program over every file in the project and binds them all: on the full OpenAI spec
// that is about a second, on a stage that is meant to parse only. The generated runtime has
// a few unexported helpers (Configuration.ts, ApiError.ts), so the question always comes up.
//
// This answers the same question the checker would for a module's own declarations:
// `export` on the declaration, or the declaration's name in a local export list
// (`export { a, b as c }` without `from`) or in `export default name`.
import { ts, type SourceFile } from './tsMorph.ts';

/** A declaration ts-morph can report the export keyword of. */
interface Exportable {
  hasExportKeyword(): boolean;
}

export class ExportedNames {
  private readonly listed = new Set<string>();

  constructor(sf: SourceFile) {
    for (const statement of sf.compilerNode.statements) {
      if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) this.listed.add((element.propertyName ?? element.name).text);
      } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
        this.listed.add(statement.expression.text);
      }
    }
  }

  /** For classes, interfaces, type aliases, functions: same answer as ts-morph's isExported(). */
  isExported(node: Exportable & { getName(): string | undefined }): boolean {
    if (node.hasExportKeyword()) return true;
    const name = node.getName();
    return name !== undefined && this.listed.has(name);
  }

  /**
   * For a variable statement. It has no symbol of its own, so ts-morph's isExported() is its
   * export keyword alone (a variable exported through a list still reads as not exported).
   */
  isStatementExported(node: Exportable): boolean {
    return node.hasExportKeyword();
  }
}
