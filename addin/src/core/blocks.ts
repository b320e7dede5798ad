/**
 * Structured content the pane inserts into the document. The model writes
 * Markdown-ish text; `addin/src/core/markdown.ts` turns it into these blocks and
 * each document host renders them as real formatting (Word: built-in styles and
 * lists; standalone editor: HTML elements).
 */

export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; runs: InlineRun[] }
  | { kind: 'paragraph'; runs: InlineRun[] }
  | { kind: 'list'; ordered: boolean; items: Array<{ runs: InlineRun[]; level: number }> };

export function blocksToPlainText(blocks: Block[]): string {
  const runsText = (runs: InlineRun[]) => runs.map((r) => r.text).join('');
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'list') {
      b.items.forEach((item, i) => {
        const indent = '  '.repeat(item.level);
        lines.push(`${indent}${b.ordered ? `${i + 1}.` : '-'} ${runsText(item.runs)}`);
      });
    } else {
      lines.push(runsText(b.runs));
    }
  }
  return lines.join('\n');
}
