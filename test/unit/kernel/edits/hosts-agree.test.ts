/** @jest-environment jsdom */
/**
 * The span rule is the same in every host: an insertion at the previous edit's end (or at
 * the start of the next edit) clashes, so the later edit is not applied — before the edit
 * kernel, WordHost refused the first case but applied the second, BrowserHost and FileHost
 * applied both, and the pane's buildEditSets let both through, so "좋은것" could become
 * "좋은  것" (the space inserted twice). Each host here gets the same sets, directly.
 */
import { buildEditSets, type Suggestion } from '../../../../addin/src/core/suggestions';
import { BrowserHost } from '../../../../addin/src/host/BrowserHost';
import type { DocumentHost, ParagraphEdit, ParagraphEditSet } from '../../../../addin/src/host/DocumentHost';
import { FileHost } from '../../../../addin/src/host/FileHost';
import { WordHost } from '../../../../addin/src/host/WordHost';
import type { FileParagraph } from '../../../../addin/src/workbench/api';
import { EditLedger } from '../../../../addin/src/workbench/ledger';
import { FakeWord, WORD_PROFILES } from '../../../helpers/fake-word';

const edit = (suggestionId: string, start: number, end: number, original: string, replacement: string): ParagraphEdit => ({
  suggestionId,
  start,
  end,
  original,
  replacement,
  comment: '이유',
});

interface Case {
  name: string;
  text: string;
  edits: ParagraphEdit[];
  applied: string[];
  failed: string[];
  after: string;
}

const CASES: Case[] = [
  {
    name: "an insertion at the previous edit's end",
    text: '할수있다',
    edits: [edit('word', 0, 2, '할수', '할 수'), edit('space', 2, 2, '', ' ')],
    applied: ['word'],
    failed: ['space'],
    after: '할 수있다',
  },
  {
    name: 'an edit starting at an insertion point (the same fix twice)',
    text: '좋은것 같다',
    edits: [edit('model', 2, 2, '', ' '), edit('rule', 2, 3, '것', ' 것')],
    applied: ['model'],
    failed: ['rule'],
    after: '좋은 것 같다',
  },
  {
    name: 'two edits that merely meet',
    text: '됬다됬다',
    edits: [edit('one', 0, 2, '됬다', '됐다'), edit('two', 2, 4, '됬다', '됐다')],
    applied: ['one', 'two'],
    failed: [],
    after: '됐다됐다',
  },
];

interface Harness {
  host: DocumentHost;
  text(): Promise<string>;
  done(): void;
}

function browser(text: string): Harness {
  const el = document.createElement('div');
  const p = document.createElement('p');
  p.textContent = text;
  el.appendChild(p);
  document.body.replaceChildren(el);
  const host = new BrowserHost(el);
  return { host, text: async () => (await host.getParagraphs('body'))[0]!.text, done: () => undefined };
}

function file(text: string): Harness {
  const paras: FileParagraph[] = [{ id: 's0p0', text, kind: 'body', location: { section: 0, paragraph: 0 } }];
  const view = document.createElement('div');
  document.body.replaceChildren(view);
  const ledger = new EditLedger(paras);
  const host = new FileHost(view, paras, ledger);
  return { host, text: async () => ledger.currentText(0), done: () => host.dispose() };
}

function word(text: string): Harness {
  const fake = new FakeWord({ ...WORD_PROFILES[1]!.options, paragraphs: [text] });
  const uninstall = fake.install();
  return { host: new WordHost(), text: async () => fake.doc.texts()[0]!, done: uninstall };
}

const HOSTS: Array<[string, (text: string) => Harness]> = [
  ['WordHost (fake Word)', word],
  ['BrowserHost', browser],
  ['FileHost', file],
];

describe.each(HOSTS)('%s', (_name, make) => {
  it.each(CASES)('$name', async (c) => {
    const h = make(c.text);
    try {
      const [paragraph] = await h.host.getParagraphs('body');
      const set: ParagraphEditSet = { paragraph: paragraph!, edits: c.edits };
      const res = await h.host.applyEdits([set], 'direct');
      expect({ applied: [...res.applied].sort(), failed: res.failed, stale: res.stale }).toEqual({
        applied: [...c.applied].sort(),
        failed: c.failed,
        stale: [],
      });
      expect(await h.text()).toBe(c.after);
    } finally {
      h.done();
    }
  });
});

describe('the pane plans the same', () => {
  it.each(CASES)('$name', (c) => {
    const suggestions: Suggestion[] = c.edits.map(
      (e) =>
        ({
          id: e.suggestionId,
          paragraphId: 'p0',
          start: e.start,
          end: e.end,
          original: e.original,
          replacement: e.replacement,
          category: 'spacing',
          message: '이유',
          source: 'rule',
          confidence: 1,
        }) as Suggestion,
    );
    const plan = buildEditSets(suggestions, new Map([['p0', { index: 0, text: c.text }]]), () => '이유');
    expect(plan.sets[0]!.edits.map((e) => e.suggestionId).sort()).toEqual([...c.applied].sort());
    expect(plan.skipped).toEqual(c.failed);
  });
});
