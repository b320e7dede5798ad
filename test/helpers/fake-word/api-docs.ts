/**
 * Reads the requirement set of every Word API class member from @types/office-js,
 * which carries Microsoft's reference docs (learn.microsoft.com/javascript/api/word):
 * each member's doc comment has "[Api set: WordApi 1.x]". Returns 'Class.member' →
 * version for members of the plain WordApi sets (WordApiOnline/WordApiDesktop/
 * WordApiHiddenDocument members are left out: no manifest can ask for them here).
 */
import { readFileSync } from 'node:fs';

export function wordApiDocSets(): Map<string, string> {
  const file = require.resolve('@types/office-js/index.d.ts');
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('declare namespace Word {'));
  const out = new Map<string, string>();
  let cls: string | null = null;
  let set: string | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > start && line.startsWith('declare namespace ')) break;
    const c = /^ {4}(?:class|interface) (\w+)\b/.exec(line);
    if (c) {
      cls = c[1]!;
      set = null;
      continue;
    }
    if (/^ {4}(?:namespace|enum|type)\b/.test(line)) {
      cls = null;
      continue;
    }
    const s = /\[Api set: (WordApi\w*) ([\d.]+)/.exec(line);
    if (s) {
      set = s[1] === 'WordApi' ? s[2]! : null;
      continue;
    }
    const m = /^ {8}(?:readonly )?(\w+)(?:\?)?(?:\(|:)/.exec(line);
    if (m && cls && set) {
      const key = `${cls}.${m[1]}`;
      if (!out.has(key)) out.set(key, set);
      set = null;
    }
  }
  return out;
}
