/**
 * End to end: drafting and rewriting in the standalone page (headless Chromium)
 * through the real relay and the fake model server.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startFakeLlm, type ChatBody, type FakeLlm } from '../helpers/fake-llm';
import { startTestRelay, type TestRelay } from '../helpers/relay';

jest.setTimeout(90_000);

const CLAIMS = '【청구항 1】\n센서부를 포함하는 장치.\n【청구항 2】\n제1항에 있어서, 상기 배터리는 리튬 전지인 장치.';

const lastUser = (body: ChatBody) => body.messages?.filter((m) => m.role === 'user').pop()?.content ?? '';

describe('draft and rewrite panels in Chromium', () => {
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

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'ko-KR', viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${relay.url}/`);
    await page.getByTestId('relay-status').waitFor();
    return page;
  }

  async function selectParagraph(page: Page, index: number) {
    await page.evaluate((i) => {
      const p = document.querySelectorAll('#sseugi-editor p')[i]!;
      const range = document.createRange();
      range.selectNodeContents(p);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, index);
  }

  it('drafts with a general template and inserts it below', async () => {
    fake.options = { reply: () => '## 회의 안내\n\n다음 주 **화요일** 오후 2시에 회의를 엽니다.', tokenDelayMs: 1 };
    const page = await openPage();
    await page.getByTestId('tab-draft').click();
    const picker = page.getByTestId('template-picker');
    await picker.locator('option[value="email"]').waitFor({ state: 'attached' });
    // A general document offers no legal template.
    await expect(picker.locator('option[value="patent-claims"]').count()).resolves.toBe(0);
    await picker.selectOption('email');
    await page.getByTestId('draft-instruction').fill('다음 주 회의 안내 메일');
    await page.getByTestId('draft').click();
    await page.getByTestId('insert-below').waitFor();
    await expect(page.getByTestId('preview').textContent()).resolves.toContain('회의를 엽니다');
    expect(lastUser(fake.requests.at(-1)!)).toContain('다음 주 회의 안내 메일');
    await page.getByTestId('insert-below').click();
    await page.getByTestId('notice').waitFor();
    const editor = page.locator('#sseugi-editor');
    await expect(editor.locator('h2').textContent()).resolves.toBe('회의 안내');
    await expect(editor.locator('p strong').first().textContent()).resolves.toBe('화요일');
    // The session's history has it.
    await expect(page.getByTestId('history-item').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('특허: the claims draft is checked with the patent pack and the finding shows before insertion', async () => {
    fake.options = { reply: () => CLAIMS, tokenDelayMs: 1 };
    const page = await openPage();
    // Document type through the pane's settings.
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('set-doctype').getByRole('radio', { name: '특허' }).check();
    await page.getByTestId('tab-draft').click();
    const picker = page.getByTestId('template-picker');
    await picker.locator('option[value="patent-claims"]').waitFor({ state: 'attached' });
    await expect(picker.locator('option[value="patent-claims"]').textContent()).resolves.toBe('청구범위 초안');
    await picker.selectOption({ label: '청구범위 초안' });
    await page.getByTestId('draft-instruction').fill('센서부와 배터리를 가진 장치의 청구범위');
    await page.getByTestId('draft').click();
    await page.getByTestId('insert-below').waitFor();
    const finding = page.getByTestId('finding').filter({ hasText: '상기 배터리' }).first();
    await finding.waitFor();
    await expect(finding.textContent()).resolves.toContain('선행 기재');
    await expect(finding.getByTestId('finding-line').textContent()).resolves.toBe('4번째 줄');
    await expect(finding.getByTestId('finding-excerpt').locator('mark').textContent()).resolves.toContain('상기 배터리');
    // Nothing went into the document yet.
    await expect(page.locator('#sseugi-editor').textContent()).resolves.not.toContain('청구항');
    await page.context().close();
  });

  it('rewrites the selected paragraph concisely and replaces it', async () => {
    fake.options = { reply: () => '쓰기는 한국어 문서 도우미입니다.' };
    const page = await openPage();
    await page.getByTestId('tab-rewrite').click();
    await selectParagraph(page, 0);
    await page.getByRole('radio', { name: '간결하게' }).check();
    await page.getByTestId('rewrite').click();
    await page.getByTestId('insert-replace').waitFor();
    const sent = JSON.stringify(fake.requests.at(-1));
    expect(sent).toContain('맞춤법을 검사하는 도우미');
    expect(sent).not.toContain('독립 실행 화면');
    await page.getByTestId('insert-replace').click();
    await page.getByTestId('notice').waitFor();
    await expect(page.locator('#sseugi-editor p').first().textContent()).resolves.toBe('쓰기는 한국어 문서 도우미입니다.');
    await expect(page.locator('#sseugi-editor p').count()).resolves.toBe(3);
    await page.context().close();
  });

  it('rewrite without a selection says so', async () => {
    const page = await openPage();
    await page.getByTestId('tab-rewrite').click();
    await page.getByTestId('rewrite').click();
    await expect(page.getByTestId('rewrite-no-selection').textContent()).resolves.toBe('다듬을 글을 문서에서 먼저 선택하세요.');
    await page.context().close();
  });

  it('a cut-off draft warns, needs confirmation to insert, and Continue appends the rest', async () => {
    fake.options = { reply: () => ({ content: '첫 부분입니다.', finishReason: 'length' }) };
    const page = await openPage();
    await page.getByTestId('tab-draft').click();
    await page.getByTestId('draft-instruction').fill('긴 보고서');
    await page.getByTestId('draft').click();
    await page.getByTestId('truncated').waitFor();
    await page.getByTestId('insert-below').click();
    await page.getByTestId('truncated-confirm').waitFor();
    await page.getByTestId('insert-cancel').click();
    await expect(page.locator('#sseugi-editor').textContent()).resolves.not.toContain('첫 부분');
    fake.options = { reply: () => ' 나머지 부분입니다.' };
    await page.getByTestId('continue').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="preview"]')?.textContent === '첫 부분입니다. 나머지 부분입니다.',
    );
    // Continued as the same conversation: the partial answer, then the request to go on.
    const msgs = fake.requests.at(-1)!.messages!;
    expect(msgs.at(-2)).toEqual({ role: 'assistant', content: '첫 부분입니다.' });
    expect(lastUser(fake.requests.at(-1)!)).toContain('이어서 쓰십시오');
    await expect(page.getByTestId('truncated').count()).resolves.toBe(0);
    await page.context().close();
  });
});
