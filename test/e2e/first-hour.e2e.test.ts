/**
 * Issue 16, the first hour on the standalone page in Debian's Chromium against the real
 * relay: a real paste (ClipboardEvent + DataTransfer) of the planted 공문 and patent
 * fixtures gives the pane the same paragraphs and the same findings as the CLI; after
 * accepting every suggestion the pane says all were handled (not "nothing found"); the
 * editor's tools finish the tracked changes and copy clean text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createChecker } from '../../server/cli/checker';
import type { PackName } from '../../server/proofread/types';
import { launchChromium } from '../helpers/browser';
import { startTestRelay, type TestRelay } from '../helpers/relay';

jest.setTimeout(180_000);

const FIX = path.resolve(__dirname, '../fixtures');

describe('the first hour on the standalone page', () => {
  let relay: TestRelay;
  let browser: Browser;

  beforeAll(async () => {
    // No model server at all: rules-only proofreading must work.
    relay = await startTestRelay({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.close();
  });

  async function open(settings: Record<string, unknown>): Promise<Page> {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      locale: 'ko-KR',
      viewport: { width: 1366, height: 1000 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${relay.url}/`);
    await page.evaluate((s) => localStorage.setItem('sseugi.settings', JSON.stringify(s)), settings);
    await page.reload();
    await page.getByTestId('relay-status').waitFor();
    return page;
  }

  /** Empties the editor and pastes `text` as the browser does (a trusted-looking paste event). */
  async function pastePlain(page: Page, text: string): Promise<void> {
    await page.evaluate((t) => {
      const editor = document.getElementById('sseugi-editor')!;
      editor.innerHTML = '<p><br></p>';
      const range = document.createRange();
      range.setStart(editor.querySelector('p')!, 0);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  }

  it.each<[PackName, string]>([
    ['official', 'official/planted.txt'],
    ['patent', 'patent/planted.txt'],
  ])('pasted %s fixture: the pane finds what the CLI finds', async (pack, file) => {
    const text = readFileSync(path.join(FIX, file), 'utf8');
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    const page = await open({ docType: pack, useModel: false });
    await pastePlain(page, text);
    await page.getByTestId('tab-proofread').click();
    await page.getByTestId('pr-check').click();
    await page.getByTestId('pr-scope').waitFor();
    await expect(page.getByTestId('pr-scope').textContent()).resolves.toContain(`${lines.length}개 문단`);
    const check = await createChecker({ engine: 'rules', pack });
    const cli = (await check.check(lines.map((t, i) => ({ id: String(i), text: t.normalize('NFC') })))).suggestions;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="pr-card"]').length === n, cli.length);
    const messages = (await page.getByTestId('pr-message').allTextContents()).sort();
    expect(messages).toEqual(cli.map((s) => s.message).sort());
    await page.context().close();
  });

  it('after accepting everything the pane says all were handled; the editor finishes tracked changes and copies clean text', async () => {
    const page = await open({ docType: 'general', useModel: false, applyMode: 'tracked' });
    await pastePlain(page, '할수있는 일이 됬다고 했다.\n몇일 뒤에 보자.');
    await page.getByTestId('tab-proofread').click();
    await page.getByTestId('pr-check').click();
    await page.getByTestId('pr-accept-all').click();
    await page.getByTestId('pr-empty').waitFor();
    await expect(page.getByTestId('pr-empty').textContent()).resolves.toBe('남은 제안이 없습니다. 모두 처리했습니다.');
    expect(await page.locator('#sseugi-editor del').count()).toBeGreaterThan(0);
    await page.getByTestId('ed-copy-clean').click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe('할 수 있는 일이 됐다고 했다.\n며칠 뒤에 보자.');
    await page.getByTestId('ed-accept-all').click();
    expect(await page.locator('#sseugi-editor del, #sseugi-editor ins').count()).toBe(0);
    await expect(page.locator('#sseugi-editor').innerText()).resolves.toContain('할 수 있는 일이 됐다고 했다.');
    // the .docx download is offered in both forms
    await page.getByTestId('ed-download').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ed-download-tracked').click()]);
    expect(download.suggestedFilename()).toBe('sseugi-tracked.docx');
    await page.context().close();
  });
});
