/**
 * End to end: the standalone page in Chromium proofreads the editor through the real
 * HTTPS relay (rules at once, the fake model's batch after), applies suggestions as
 * tracked changes, ignores one (remembered), accepts a category, takes the stale
 * path after a user edit, re-checks, and keeps rule results when the model fails.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startFakeLlm, type ChatBody, type FakeLlm } from '../helpers/fake-llm';
import { startTestRelay, type TestRelay } from '../helpers/relay';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const SAMPLE = ['할수있는 일이 됬다.', '그 컨셉은 좋다.', '회의가 잘 됬다.', '오늘은 바람이 않분다.'];

/** The fake model answers proofread requests in the route's JSON format: '않분다' → '안 분다'. */
function proofreadReply(body: ChatBody): string {
  const user = body.messages?.filter((m) => m.role === 'user').pop()?.content ?? '';
  const json = user.slice(user.indexOf('{'));
  let paragraphs: Array<{ id: string; text: string }> = [];
  try {
    paragraphs = (JSON.parse(json) as { paragraphs: typeof paragraphs }).paragraphs;
  } catch {
    /* not a proofread request */
  }
  return JSON.stringify({
    results: paragraphs.map((p) => ({
      id: p.id,
      edits: p.text.includes('않분다')
        ? [{ original: '바람이 않분다', corrected: '바람이 안 분다', reason: '부정 부사 "안"을 써야 합니다' }]
        : [],
    })),
  });
}

/**
 * Korean for the screenshots: Debian's fonts-nanum (installed by .ci/run), which Chromium
 * finds through fontconfig; KOREAN_FONT names another font file to inject instead. Under
 * CI the package must be there (no screenshots of empty boxes); elsewhere it is optional.
 */
const NANUM = '/usr/share/fonts/truetype/nanum/NanumGothic.ttf';
function koreanFont(): string | null {
  if (process.env.KOREAN_FONT && existsSync(process.env.KOREAN_FONT)) return process.env.KOREAN_FONT;
  if (existsSync(NANUM)) return NANUM;
  if (process.env.CI === 'true') throw new Error(`${NANUM} is missing: apt-get install fonts-nanum (.ci/run installs it)`);
  return null;
}

async function screenshotPane(page: Page, file: string): Promise<void> {
  const font = koreanFont();
  if (font) {
    const b64 = readFileSync(font).toString('base64');
    await page.addStyleTag({
      content: `@font-face{font-family:'ShotKo';src:url(data:font/${font.endsWith('.woff2') ? 'woff2' : 'ttf'};base64,${b64}) format('${font.endsWith('.woff2') ? 'woff2' : 'truetype'}');}
        #pane-root, #pane-root * { font-family: 'ShotKo', 'Segoe UI', sans-serif !important; }`,
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }
  await page.locator('#pane-root').screenshot({ path: file });
}

describe('proofreading on the standalone page', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeLlm({ reply: proofreadReply });
    relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await fake?.close();
  });

  async function openPane(locale = 'ko-KR', sample = SAMPLE): Promise<Page> {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale, viewport: { width: 1100, height: 1250 } });
    const page = await context.newPage();
    await page.goto(`${relay.url}/`);
    await page.getByTestId('relay-status').waitFor();
    await page.evaluate((paras) => {
      localStorage.clear();
      const editor = document.getElementById('sseugi-editor')!;
      editor.innerHTML = paras.map((p) => `<p>${p}</p>`).join('');
    }, sample);
    await page.getByTestId('tab-proofread').click();
    await page.getByTestId('pr-check').waitFor();
    return page;
  }

  const card = (page: Page, text: string): Locator => page.getByTestId('pr-card').filter({ hasText: text });
  /** Cards whose change itself (not the context shown around it) has `text`. */
  const changeCard = (page: Page, text: string): Locator =>
    page.getByTestId('pr-card').filter({ has: page.getByTestId('pr-diff').filter({ hasText: text }) });
  const para = (page: Page, i: number) => page.locator('#sseugi-editor p').nth(i);

  it('checks, accepts (tracked), ignores, accepts a category, handles a stale paragraph and re-checks', async () => {
    const page = await openPane();
    await page.getByTestId('pr-check').click();
    // The model's batch arrives after the rules.
    await card(page, '부정 부사').waitFor();
    await page.getByTestId('pr-progress').waitFor({ state: 'detached' });
    await expect(card(page, '부정 부사').getByTestId('pr-source').textContent()).resolves.toBe('모델');
    await expect(card(page, '됬').first().getByTestId('pr-rule').textContent()).resolves.toContain('한글 맞춤법');
    await expect(card(page, '됬').first().getByTestId('pr-source').textContent()).resolves.toBe('규칙');
    const groups = await page.getByTestId('pr-group-title').allTextContents();
    expect(groups.some((g) => /^띄어쓰기 \d+건$/.test(g))).toBe(true);
    expect(groups.some((g) => /^맞춤법 \d+건$/.test(g))).toBe(true);
    const sent0 = fake.requests.at(-1)?.messages?.at(-1)?.content ?? '';
    expect(sent0).toContain('"id":"p3"');
    await screenshotPane(page, path.join(ARTIFACTS, 'proofread-pane.png'));

    // Accept one: tracked change in the editor.
    const doe = card(page, '됬').first();
    await doe.getByTestId('pr-accept').click();
    await page.waitForFunction(() => document.querySelector('#sseugi-editor p')!.innerHTML.includes('<del>됬다</del><ins>됐다</ins>'));
    await expect(changeCard(page, '됬').count()).resolves.toBe(1);
    // Focus moved to the next card.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('pr-card');

    // Ignore one: gone, document untouched, remembered for this document.
    await card(page, '부정 부사').getByTestId('pr-ignore').click();
    await expect(card(page, '부정 부사').count()).resolves.toBe(0);
    await expect(para(page, 3).innerHTML()).resolves.toBe('오늘은 바람이 않분다.');
    await expect(page.evaluate(() => JSON.parse(localStorage.getItem('sseugi.ignored') ?? '[]').length)).resolves.toBe(1);

    // Accept all in a category: spacing.
    await page
      .getByTestId('pr-group')
      .filter({ has: page.getByText(/^띄어쓰기/) })
      .getByTestId('pr-accept-category')
      .click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="pr-group"][data-category="spacing"]'));
    const p0 = await para(page, 0).evaluate((el) => {
      const c = el.cloneNode(true) as HTMLElement;
      c.querySelectorAll('del').forEach((d) => d.remove());
      return c.textContent;
    });
    expect(p0).toBe('할 수 있는 일이 됐다.');

    // Stale path: the user edits paragraph 3, then accepts its card at once.
    await page.evaluate(() => {
      document.querySelectorAll('#sseugi-editor p')[2]!.textContent = '회의가 정말 잘 됬다.';
      const btn = Array.from(document.querySelectorAll('[data-testid="pr-card"]'))
        .find((c) => c.textContent?.includes('됬'))!
        .querySelector<HTMLButtonElement>('[data-testid="pr-accept"]')!;
      btn.click();
    });
    const stale = card(page, '됬');
    await stale.getByTestId('pr-stale').waitFor();
    await expect(stale.getByTestId('pr-stale').textContent()).resolves.toBe('문단이 바뀌었습니다');
    await expect(para(page, 2).innerHTML()).resolves.toBe('회의가 정말 잘 됬다.');

    // Re-check only that paragraph: a fresh card for the new text; others kept.
    const before = fake.requests.length;
    await stale.getByTestId('pr-recheck').click();
    await page.waitForFunction(() => {
      const c = Array.from(document.querySelectorAll('[data-testid="pr-card"]')).find((x) => x.textContent?.includes('됬'));
      return c && !c.hasAttribute('data-stale');
    });
    const sent = JSON.stringify(fake.requests.slice(before));
    expect(sent).not.toContain('않분다');
    expect(sent).toContain('회의가 정말 잘 됬다.');
    await card(page, '됬').getByTestId('pr-accept').click();
    await page.waitForFunction(() =>
      document.querySelectorAll('#sseugi-editor p')[2]!.innerHTML.includes('<del>됬다</del><ins>됐다</ins>'),
    );

    // A new check of the whole document still leaves the ignored suggestion out: the relay
    // sends the model's finding again (from its cache or a new request) and the pane hides it.
    const recheck = page.waitForResponse((r) => r.url().endsWith('/api/proofread') && r.request().method() === 'POST');
    await page.getByTestId('pr-check').click();
    await page.getByTestId('pr-scope').waitFor();
    await page.getByTestId('pr-progress').waitFor({ state: 'detached' });
    const events = await (await recheck).text();
    expect(events).toContain('부정 부사');
    await expect(card(page, '부정 부사').count()).resolves.toBe(0);

    // Lays out at 320 px without horizontal scrolling.
    const overflow = await page.evaluate(() => {
      const root = document.getElementById('pane-root')!;
      root.style.width = '320px';
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('keeps rule results and says so when the model layer fails (English)', async () => {
    fake.options = { fault: 'http500' };
    try {
      // Text the relay has not cached from the first test.
      const page = await openPane('en-US', ['회의가 어제 잘 됬다.', '오늘도 일이 잘 됬다.']);
      await page.getByTestId('pr-check').click();
      await page.getByTestId('pr-model-failed').waitFor();
      await expect(page.getByTestId('pr-model-failed').textContent()).resolves.toContain('The model check failed');
      await expect(card(page, '됬').count()).resolves.toBe(2);
      await expect(card(page, '됬').first().getByTestId('pr-message').textContent()).resolves.toContain('contraction');
      await expect(card(page, '됬').first().getByTestId('pr-accept').getAttribute('aria-label')).resolves.toBe('Accept: 됬다 → 됐다');
      await page.context().close();
    } finally {
      fake.options = { reply: proofreadReply };
    }
  });

  it('says nothing was found for clean text', async () => {
    const page = await openPane();
    await page.evaluate(() => {
      document.getElementById('sseugi-editor')!.innerHTML = '<p>오늘은 날씨가 좋습니다.</p>';
    });
    await page.getByTestId('pr-check').click();
    await page.getByTestId('pr-empty').waitFor();
    await expect(page.getByTestId('pr-empty').textContent()).resolves.toBe('문제를 찾지 못했습니다.');
    await page.context().close();
  });

  it('says how many paragraphs the model did not check, and never calls them clean', async () => {
    fake.options.reply = () => JSON.stringify({ results: [] }); // the model leaves every paragraph out
    try {
      const page = await openPane();
      await page.evaluate(() => {
        document.getElementById('sseugi-editor')!.innerHTML = '<p>모레는 비가 오겠습니다.</p><p>글피도 흐리겠습니다.</p>';
      });
      await page.getByTestId('pr-check').click();
      await page.getByTestId('pr-unchecked').waitFor();
      await expect(page.getByTestId('pr-unchecked').textContent()).resolves.toContain('문단 2개는 모델이 검사하지 못했습니다');
      await page.getByTestId('pr-stop').waitFor({ state: 'hidden' });
      await expect(page.getByTestId('pr-empty').count()).resolves.toBe(0);
      await page.context().close();
    } finally {
      fake.options.reply = proofreadReply;
    }
  });
});
