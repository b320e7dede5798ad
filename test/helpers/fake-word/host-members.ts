/**
 * Every Word API class member WordHost's source uses, resolved by the TypeScript
 * checker (so `p.text` on a Word.Paragraph is 'Paragraph.text' and `x.text` on
 * anything else is not counted), plus the property names it asks for in
 * `load('a,items/b')` strings on Word objects.
 */
import { join } from 'node:path';
import ts from 'typescript';

const PROXY_MACHINERY = new Set(['load', 'items', 'toJSON', 'track', 'untrack', 'context', 'set']);

export function wordMembersUsedBy(files: string[]): Set<string> {
  const configPath = join(__dirname, '..', '..', '..', 'tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, join(configPath, '..'));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const used = new Set<string>();

  /** 'Class' when the symbol is a member of a class declared in `namespace Word`. */
  const wordClassOf = (decl: ts.Declaration): string | null => {
    const cls = decl.parent;
    if (!cls || !(ts.isClassDeclaration(cls) || ts.isInterfaceDeclaration(cls)) || !cls.name) return null;
    const block = cls.parent;
    const ns = block?.parent;
    if (!ns || !ts.isModuleDeclaration(ns) || ns.name.getText() !== 'Word') return null;
    return cls.name.text;
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const sym = checker.getSymbolAtLocation(node.name);
      for (const decl of sym?.declarations ?? []) {
        const cls = wordClassOf(decl);
        // load/items and RequestContext.document are the proxy machinery every set has
        // (no "[Api set]" remark in the docs): not requirement-gated members
        if (cls && !PROXY_MACHINERY.has(node.name.text) && cls !== 'RequestContext') used.add(`${cls}.${node.name.text}`);
      }
      // load('text,items/uniqueLocalId') on a Word object
      if (
        node.name.text === 'load' &&
        ts.isCallExpression(node.parent) &&
        node.parent.arguments[0] &&
        ts.isStringLiteral(node.parent.arguments[0])
      ) {
        const type = checker.getTypeAtLocation(node.expression);
        let cls = type.getSymbol()?.getName() ?? '';
        let props = node.parent.arguments[0].text.split(',').map((s) => s.trim());
        if (cls.endsWith('Collection')) {
          // on a collection, load('text') and load('items/text') both load the items' property
          cls = cls.replace(/Collection$/, '');
          props = props.map((p) => p.replace(/^items\//, ''));
        }
        for (const p of props) if (p && p !== '$none') used.add(`${cls}.${p}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const f of files) {
    const sf = program.getSourceFile(f);
    if (sf) visit(sf);
  }
  return used;
}
