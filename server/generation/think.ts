/**
 * Reasoning models (EXAONE 4.0 reasoning mode, EXAONE Deep) write their reasoning inside
 * `<think>…</think>` (some templates `<thought>…</thought>`) before the answer. The pane must
 * only see the answer: strip the blocks, on a whole string or on a stream of deltas.
 */

const OPEN_TAGS = ['<think>', '<thought>'] as const;
const CLOSE_OF: Record<string, string> = { '<think>': '</think>', '<thought>': '</thought>' };

/** Remove reasoning blocks from a complete answer; an unclosed block runs to the end. */
export function stripThink(text: string): string {
  // A template that opens the block itself leaves a bare close tag before the answer.
  const lower = text.toLowerCase();
  const close = ['</think>', '</thought>']
    .map((t) => ({ t, i: lower.indexOf(t) }))
    .filter(({ i }) => i >= 0)
    .sort((a, b) => a.i - b.i)[0];
  const opensBefore =
    close &&
    OPEN_TAGS.some((t) => {
      const i = lower.indexOf(t);
      return i >= 0 && i < close.i;
    });
  if (close && !opensBefore) text = text.slice(close.i + close.t.length).replace(/^\s+/, '');
  const s = createThinkStripper();
  return s.push(text) + s.end();
}

export interface ThinkStripper {
  /** Feed one delta; returns the text that is now safe to show. */
  push(delta: string): string;
  /** End of stream: flush what is held back; an unclosed block is dropped. */
  end(): string;
}

export interface ThinkStripperOptions {
  /** The chat template already opened the block (the output starts inside `<think>`). */
  startInside?: boolean;
}

/** Longest suffix of `s` that is a proper prefix of one of `tags` (case-insensitive). */
function heldSuffix(s: string, tags: readonly string[]): number {
  const lower = s.toLowerCase();
  const max = Math.max(...tags.map((t) => t.length - 1));
  for (let len = Math.min(max, lower.length); len > 0; len--) {
    const tail = lower.slice(lower.length - len);
    if (tags.some((t) => t.startsWith(tail))) return len;
  }
  return 0;
}

export function createThinkStripper(opts: ThinkStripperOptions = {}): ThinkStripper {
  let buf = '';
  let inside: string | null = opts.startInside ? '</think>' : null; // the close tag we wait for
  let trimNext = false; // drop whitespace right after a removed block

  const emit = (s: string): string => {
    if (trimNext) {
      s = s.replace(/^\s+/, '');
      if (!s) return '';
      trimNext = false;
    }
    return s;
  };

  const process = (final: boolean): string => {
    let out = '';
    for (;;) {
      if (inside) {
        const lower = buf.toLowerCase();
        const close = lower.indexOf(inside);
        if (close >= 0) {
          buf = buf.slice(close + inside.length);
          inside = null;
          trimNext = true;
          continue;
        }
        // Keep only what could be the start of the close tag.
        buf = final ? '' : buf.slice(buf.length - heldSuffix(buf, [inside]));
        return out;
      }
      const lower = buf.toLowerCase();
      let at = -1;
      let tag = '';
      for (const t of OPEN_TAGS) {
        const i = lower.indexOf(t);
        if (i >= 0 && (at < 0 || i < at)) [at, tag] = [i, t];
      }
      if (at >= 0) {
        out += emit(buf.slice(0, at));
        buf = buf.slice(at + tag.length);
        inside = CLOSE_OF[tag]!;
        continue;
      }
      const hold = final ? 0 : heldSuffix(buf, OPEN_TAGS);
      out += emit(buf.slice(0, buf.length - hold));
      buf = buf.slice(buf.length - hold);
      return out;
    }
  };

  return {
    push(delta: string): string {
      buf += delta;
      return process(false);
    },
    end(): string {
      const out = process(true);
      buf = '';
      return out;
    },
  };
}
