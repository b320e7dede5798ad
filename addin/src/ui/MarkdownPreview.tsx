/**
 * The result preview, rendered from the same blocks the document receives
 * (core/markdown's parseMarkdown → Block[]), so preview and inserted result look alike.
 */
import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Block, InlineRun } from '../core/blocks';

const useStyles = makeStyles({
  block: { marginTop: 0, marginBottom: '0.4em', whiteSpace: 'pre-wrap' },
  h: { marginTop: '0.2em', marginBottom: '0.3em', lineHeight: 1.3 },
  list: { marginTop: 0, marginBottom: '0.4em', paddingLeft: '1.4em' },
});

function Runs({ runs }: { runs: InlineRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.italic) node = <em>{node}</em>;
        if (r.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

export function MarkdownPreview({ blocks }: { blocks: Block[] }) {
  const styles = useStyles();
  return (
    <>
      {blocks.map((b, i) => {
        if (b.kind === 'heading') {
          const H = `h${b.level + 2}` as 'h3' | 'h4' | 'h5'; // the pane's own h1/h2 stay above
          return (
            <H key={i} className={styles.h} data-level={b.level}>
              <Runs runs={b.runs} />
            </H>
          );
        }
        if (b.kind === 'paragraph') {
          return (
            <p key={i} className={styles.block}>
              <Runs runs={b.runs} />
            </p>
          );
        }
        const L = b.ordered ? 'ol' : 'ul';
        return (
          <L key={i} className={styles.list}>
            {b.items.map((item, j) => (
              <li key={j} style={item.level ? { marginLeft: `${item.level * 1.2}em` } : undefined}>
                <Runs runs={item.runs} />
              </li>
            ))}
          </L>
        );
      })}
    </>
  );
}
