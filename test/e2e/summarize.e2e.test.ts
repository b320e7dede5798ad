/**
 * End to end: the real relay over HTTPS serves the standalone page to headless
 * Chromium; the pane summarises the editor's text through the relay and the fake
 * model server, and inserts the result into the document.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, waitFor } from '../helpers/browser';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { startTestRelay, type TestRelay } from '../helpers/relay';

jest.setTimeout(60_000);

describe('standalone page in Chromium', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeLlm();
    relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await fake?.close();
  });

  async function openPage(locale = 'ko-KR'): Promise<Page> {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale });
    const page = await context.newPage();
    await page.goto(`${relay.url}/`);
    await page.getByTestId('relay-status').waitFor();
    return page;
  }

  it('summarises the document and inserts the formatted result below', async () => {
    fake.options = {
      reply: () => '## 요약\n\n- **쓰기**는 한국어 문서 도우미입니다.\n- 문서는 조직 밖으로 나가지 않습니다.',
      tokenDelayMs: 2,
    };
    const page = await openPage();
    await expect(page.getByTestId('relay-status').textContent()).resolves.toContain('exaone3.5:7.8b');
    await page.getByTestId('summarize').click();
    await page.getByTestId('insert-below').waitFor();
    await expect(page.getByTestId('preview').textContent()).resolves.toContain('쓰기');
    await expect(page.getByTestId('scope').textContent()).resolves.toContain('문서 전체');
    // The whole document went to the model.
    expect(JSON.stringify(fake.requests.at(-1))).toContain('독립 실행 화면');
    await page.getByTestId('insert-below').click();
    const editor = page.locator('#sseugi-editor');
    await expect(editor.locator('h2').textContent()).resolves.toBe('요약');
    await expect(editor.locator('li strong').first().textContent()).resolves.toBe('쓰기');
    const html = await editor.innerHTML();
    expect(html).not.toContain('**');
    expect(html).not.toContain('##');
    await page.context().close();
  });

  it('summarises only the selection when there is one, and replaces it', async () => {
    fake.options = { reply: () => '짧은 요약문' };
    const page = await openPage();
    await page.evaluate(() => {
      const p = document.querySelector('#sseugi-editor p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await page.getByTestId('summarize').click();
    await page.getByTestId('insert-replace').waitFor();
    const sent = JSON.stringify(fake.requests.at(-1));
    expect(sent).toContain('맞춤법을 검사하는 도우미');
    expect(sent).not.toContain('독립 실행 화면');
    await page.getByTestId('insert-replace').click();
    await expect(page.locator('#sseugi-editor p').first().textContent()).resolves.toBe('짧은 요약문');
    await page.context().close();
  });

  it('summarises the 153,000-character Patent Act by map-reduce, showing progress, and inserts a formatted summary', async () => {
    // Read by path from the shared data beside the project (never copied into it).
    const doc = readFileSync(path.resolve(__dirname, '../../../shared/data/corpus/patent-act.md'), 'utf8');
    expect(doc.length).toBeGreaterThan(150_000);
    fake.options = {
      reply: (body) =>
        JSON.stringify(body).includes('부분 요약')
          ? '## 특허법 요약\n\n1. **목적**: 발명의 보호와 장려\n2. 특허요건과 *출원* 절차'
          : '부분 요약: 조문 내용을 정리했습니다.',
      firstTokenDelayMs: 30,
    };
    const requestsBefore = fake.requests.length;
    const page = await openPage();
    await page.evaluate((text) => {
      const editor = document.getElementById('sseugi-editor')!;
      editor.replaceChildren(
        ...text.split('\n').map((line) => {
          const p = document.createElement('p');
          p.textContent = line;
          return p;
        }),
      );
    }, doc);
    await page.getByTestId('summarize').click();
    await page.waitForFunction(() => /\d+\/\d+/.test(document.querySelector('[data-testid="progress"]')?.textContent ?? ''));
    await page.getByTestId('insert-below').waitFor({ timeout: 30_000 });
    const calls = fake.requests.length - requestsBefore;
    expect(calls).toBeGreaterThan(2); // several chunks, then a reduce
    for (const r of fake.requests.slice(requestsBefore)) {
      expect(JSON.stringify(r.messages).length).toBeLessThan(doc.length); // no call carries the whole document
    }
    await page.evaluate(() => {
      const first = document.querySelector('#sseugi-editor p')!;
      const range = document.createRange();
      range.setStart(first.firstChild!, 0);
      range.collapse(true);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await page.getByTestId('insert-below').click();
    const editor = page.locator('#sseugi-editor');
    await expect(editor.locator('h2').first().textContent()).resolves.toBe('특허법 요약');
    await expect(editor.locator('ol > li').first().locator('strong').textContent()).resolves.toBe('목적');
    await expect(editor.locator('ol > li em').first().textContent()).resolves.toBe('출원');
    await page.context().close();
  });

  it('Stop cancels the request end to end', async () => {
    fake.options = { reply: () => '가'.repeat(2000), tokenDelayMs: 5 };
    const abortedBefore = fake.aborted;
    const page = await openPage();
    await page.getByTestId('summarize').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="preview"]')?.textContent ?? '').length > 5);
    await page.getByTestId('stop').click();
    await page.getByTestId('stopped').waitFor();
    await waitFor(() => fake.aborted === abortedBefore + 1, 5000);
    expect(fake.active).toBe(0);
    await page.context().close();
  });

  it('closing the pane mid-stream aborts the upstream request', async () => {
    fake.options = { reply: () => '나'.repeat(2000), tokenDelayMs: 5 };
    const abortedBefore = fake.aborted;
    const page = await openPage();
    await page.getByTestId('summarize').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="preview"]')?.textContent ?? '').length > 5);
    await page.close();
    await waitFor(() => fake.aborted === abortedBefore + 1, 5000);
    expect(fake.active).toBe(0);
  });

  it('shows the model server fault as a clear message in English for an English browser', async () => {
    fake.options = { fault: 'http500' };
    const page = await openPage('en-US');
    await page.getByTestId('summarize').click();
    const error = page.getByTestId('task-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('The model server reported an error. Try again shortly.');
    await page.context().close();
  });
});

describe('standalone page without a model server', () => {
  it('says the model is unreachable, in Korean, without a stack trace', async () => {
    const relay = await startTestRelay({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'ko-KR' });
      const page = await context.newPage();
      await page.goto(`${relay.url}/`);
      const status = page.getByTestId('relay-status');
      await status.waitFor();
      await expect(status.textContent()).resolves.toContain('모델 서버에 연결할 수 없습니다');
      await page.getByTestId('summarize').click();
      await page.getByTestId('task-error').waitFor();
      const body = await page.locator('body').textContent();
      expect(body).not.toMatch(/Error:|at \w+ \(|\.ts:\d+/);
    } finally {
      await browser.close();
      await relay.close();
    }
  });
});
