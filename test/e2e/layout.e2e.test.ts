/**
 * Issue 16 items 4 and 8, in Debian's Chromium against the real relay: the pane works from
 * 320 px in Korean and English (no sideways scrolling on any tab; tabs that do not fit move
 * into a menu; the selected tab stays on screen), the standalone page stacks the editor
 * above the pane below ~700 px, and Korean wraps between words (keep-all). Screenshots at
 * 320 px and 1366 px go to test-artifacts/ (Debian's fonts-nanum renders the Korean).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { startTestRelay, type TestRelay } from '../helpers/relay';

jest.setTimeout(180_000);

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const TABS = ['summarize', 'draft', 'rewrite', 'proofread', 'settings'] as const;

describe('narrow and wide layouts', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeLlm({ reply: () => '# 제목\n\n**굵은** 본문입니다.' });
    relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await fake?.close();
  });

  async function open(locale: string, width: number): Promise<Page> {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${relay.url}/`);
    await page.getByTestId('relay-status').waitFor();
    return page;
  }

  /** Opens a tab directly or, when it moved into the overflow menu, from there. */
  async function selectTab(page: Page, id: string): Promise<void> {
    const tab = page.getByTestId(`tab-${id}`);
    if (await tab.isVisible()) await tab.click();
    else {
      await page.getByTestId('tab-more').click();
      await page.getByTestId(`tab-more-${id}`).click();
    }
    await page.waitForFunction((v) => document.querySelector(`[data-testid="tab-${v}"]`)?.getAttribute('aria-selected') === 'true', id);
  }

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const doc = document.documentElement;
      const pane = document.getElementById('pane-root')!;
      return { page: doc.scrollWidth - doc.clientWidth, pane: pane.scrollWidth - pane.clientWidth };
    });

  for (const [locale, lang] of [
    ['ko-KR', 'ko'],
    ['en-US', 'en'],
  ] as const) {
    it(`at 320 px (${lang}) every tab fits without sideways scrolling`, async () => {
      const page = await open(locale, 320);
      for (const id of TABS) {
        await selectTab(page, id);
        await page.waitForTimeout(100);
        expect({ id, ...(await overflow(page)) }).toEqual({ id, page: 0, pane: 0 });
        // the selected tab is on screen
        const box = await page.getByTestId(`tab-${id}`).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(320);
        await page.locator('#pane-root').screenshot({ path: path.join(ARTIFACTS, `layout-320-${lang}-${id}.png`) });
      }
      await page.context().close();
    });
  }

  it('below 700 px the standalone page stacks the editor above the pane; above, side by side', async () => {
    const page = await open('ko-KR', 350);
    const editor = (await page.locator('#sseugi-editor').boundingBox())!;
    const pane = (await page.locator('#pane-root').boundingBox())!;
    expect(editor.width).toBeGreaterThan(250);
    expect(pane.y).toBeGreaterThanOrEqual(editor.y + editor.height);
    await page.screenshot({ path: path.join(ARTIFACTS, 'layout-350-ko-standalone.png'), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    const wide = (await page.locator('#pane-root').boundingBox())!;
    const wideEditor = (await page.locator('#sseugi-editor').boundingBox())!;
    expect(wide.x).toBeGreaterThan(wideEditor.x + wideEditor.width);
    expect(await overflow(page)).toEqual({ page: 0, pane: 0 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'layout-1366-ko-standalone.png') });
    await page.context().close();
  });

  it('Korean text wraps between words (word-break: keep-all) in the editor and the pane', async () => {
    const page = await open('ko-KR', 320);
    const styles = await page.evaluate(() => ({
      editor: getComputedStyle(document.getElementById('sseugi-editor')!).wordBreak,
      pane: getComputedStyle(document.getElementById('pane-root')!).wordBreak,
      wrap: getComputedStyle(document.getElementById('pane-root')!).overflowWrap,
    }));
    expect(styles).toEqual({ editor: 'keep-all', pane: 'keep-all', wrap: 'anywhere' });
    // A line of the editor never ends inside a word: every line break falls at a space.
    const breaksInsideWords = await page.evaluate(() => {
      const p = document.querySelector('#sseugi-editor p')!;
      const text = p.firstChild as Text;
      const range = document.createRange();
      let lastTop = -1;
      const bad: string[] = [];
      for (let i = 0; i < text.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = range.getBoundingClientRect().top;
        if (lastTop >= 0 && top > lastTop + 2 && i > 0 && !/\s/.test(text.data[i - 1]!) && !/\s/.test(text.data[i]!))
          bad.push(text.data.slice(i - 2, i + 2));
        lastTop = top;
      }
      return bad;
    });
    expect(breaksInsideWords).toEqual([]);
    await page.context().close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`at 1366 px (${lang}) screenshots of the pane`, async () => {
      const page = await open(lang === 'ko' ? 'ko-KR' : 'en-US', 1366);
      await selectTab(page, 'proofread');
      expect(await overflow(page)).toEqual({ page: 0, pane: 0 });
      await page.screenshot({ path: path.join(ARTIFACTS, `layout-1366-${lang}-proofread.png`) });
      await page.context().close();
    });
  }
});
