import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** A template literal that builds a locale key, and every key it can build. */
type DynamicKey = {
  where: string
  template: string
  /** Every key the template can produce, or undefined when a part's type is not a finite set of literals. */
  keys: string[] | undefined
}

/** Message ids (not terms) of every .ftl file of one locale, with the messages they reference. */
export function readLocale(directory: string): { ids: Set<string>; references: Set<string> } {
  const ids = new Set<string>()
  const references = new Set<string>()
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.ftl'))) {
    const source = readFileSync(path.join(directory, file), 'utf8')
    for (const match of source.matchAll(/^([a-z][\w-]*) =/gm)) ids.add(match[1] ?? '')
    // `{ other-message }` inside a message uses that message too (a `{ $variable }` does not).
    for (const match of source.matchAll(/\{\s*([a-z][\w-]*)\s*\}/g)) references.add(match[1] ?? '')
  }
  return { ids, references }
}

/** The string forms a value of this type can take, or undefined when they are not a finite set. */
function literalValues(checker: ts.TypeChecker, type: ts.Type): string[] | undefined {
  if (type.isUnion()) {
    const parts = type.types.map((member) => literalValues(checker, member))
    return parts.some((part) => part === undefined) ? undefined : [...new Set(parts.flat() as string[])]
  }
  if (type.isStringLiteral()) return [type.value]
  if (type.isNumberLiteral()) return [String(type.value)]
  if (type.flags & (ts.TypeFlags.BooleanLiteral | ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return [checker.typeToString(type)]
  return undefined
}

/**
 * Whether a template is used as a locale key: passed (through a ternary, `??` or parentheses) as a
 * parameter named like `key`, or assigned to a property or variable named so. A stored text such as
 * `status-${status}` is not a key even when it looks like one.
 */
function isKeyPosition(checker: ts.TypeChecker, node: ts.Node): boolean {
  let at: ts.Node = node
  while (
    ts.isParenthesizedExpression(at.parent) ||
    ts.isAsExpression(at.parent) ||
    (ts.isConditionalExpression(at.parent) && at !== at.parent.condition) ||
    (ts.isBinaryExpression(at.parent) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(at.parent.operatorToken.kind))
  ) {
    at = at.parent
  }
  const parent = at.parent
  const keyName = (name: string) => /key/i.test(name)
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const index = parent.arguments?.indexOf(at as ts.Expression) ?? -1
    const parameters = checker.getResolvedSignature(parent)?.getParameters() ?? []
    const parameter = parameters[Math.min(index, parameters.length - 1)]
    return index >= 0 && parameter !== undefined && keyName(parameter.getName())
  }
  if ((ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) && parent.initializer === at)
    return keyName(parent.name.getText())
  return false
}

const cartesian = (parts: string[][]): string[] =>
  parts.reduce<string[]>((keys, part) => keys.flatMap((key) => part.map((value) => key + value)), [''])

/**
 * Every string literal in the program's own files, and every template literal used as a key whose
 * fixed start is the start of a known key (`feedback-result-${…}`), expanded through the types of its parts:
 * a union of literals, an `as const` array's element type, a function's literal return type.
 */
export function scanKeys(program: ts.Program, isOwnFile: (fileName: string) => boolean, knownIds: Set<string>) {
  const checker = program.getTypeChecker()
  const literals = new Set<string>()
  const dynamic: DynamicKey[] = []
  const startsAKey = (head: string) => /^[a-z][a-z0-9-]*-$/.test(head) && [...knownIds].some((id) => id.startsWith(head))

  for (const file of program.getSourceFiles().filter((source) => isOwnFile(source.fileName))) {
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text)
      if (ts.isTemplateExpression(node) && startsAKey(node.head.text) && isKeyPosition(checker, node)) {
        const parts = [[node.head.text]] as (string[] | undefined)[]
        for (const span of node.templateSpans) {
          parts.push(literalValues(checker, checker.getTypeAtLocation(span.expression)))
          parts.push([span.literal.text])
        }
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file))
        dynamic.push({
          where: `${path.relative(process.cwd(), file.fileName)}:${line + 1}`,
          template: node.getText(file),
          keys: parts.some((part) => part === undefined) ? undefined : cartesian(parts as string[][]),
        })
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return { literals, dynamic }
}
