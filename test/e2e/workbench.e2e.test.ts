/**
 * End to end: the standalone page as a document workbench, in Chromium, through the
 * real HTTPS relay (its /api/document/parse and /api/document/apply routes). Open a file
 * (.hwpx with the button, .docx by drag and drop), proofread it with the rules (model
 * layer off), accept two cards, save, and re-open the downloaded file: its text, its
 * tracked changes (한글's own <hp:deleteBegin/insertBegin> with the author in header.xml;
 * Word's w:del / w:ins) and, for HWPX, every untouched ZIP entry byte-identical.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { startTestRelay, type TestRelay } from '../helpers/relay';
import { ERROR_TEXT, docxWith, hwpxWithText, zipEntries } from '../helpers/workbench-fixtures';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const EXPECTED = '할 수 있는 일이 됐다.';

/** The text 한글 shows once every tracked change is accepted: deleted spans dropped, tags stripped. */
function hwpxAcceptedText(t: string): string {
  return t.replace(/<hp:deleteBegin\b[^>]*\/>[\s\S]*?<hp:deleteEnd\b[^>]*\/>/g, '').replace(/<[^>]+>/g, '');
}

/** The first paragraph (`<hp:p>…</hp:p>`) of a section that contains `marker`, as its <hp:t> contents joined. */
function hwpxParagraphTexts(sectionXml: string, marker: string): string {
  const para = sectionXml.match(/<hp:p\b[\s\S]*?<\/hp:p>/g)?.find((p) => p.includes(marker)) ?? '';
  return [...para.matchAll(/<hp:t>([\s\S]*?)<\/hp:t>/g)].map((m) => m[1]!).join('');
}

describe('the standalone workbench', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let browser: Browser;

  beforeAll(async () => {
    // The fake model serves summaries; proofreading runs with the rules only (the model layer is off in settings).
    fake = await startFakeLlm();
    relay = await startTestRelay({ LLM_BASE_URL: fake.url });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await fake?.close();
  });

  async function openPage(applyMode: 'tracked' | 'direct' | 'comment' = 'tracked'): Promise<Page> {
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      locale: 'ko-KR',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${relay.url}/`);
    await page.evaluate((mode) => {
      localStorage.clear();
      localStorage.setItem('sseugi.settings', JSON.stringify({ useModel: false, applyMode: mode }));
    }, applyMode);
    await page.reload();
    await page.getByTestId('wb-open').waitFor();
    return page;
  }

  /** A card whose change itself (not its context) shows `text`. */
  const changeCard = (page: Page, text: string): Locator =>
    page.getByTestId('pr-card').filter({ has: page.getByTestId('pr-diff').filter({ hasText: text }) });

  /** Proofreads the open file and accepts the two known cards (할수있 → 할 수 있: one card for the one spacing fix, 됬다 → 됐다). */
  async function checkAndAcceptTwo(page: Page): Promise<void> {
    await page.getByTestId('tab-proofread').click();
    await page.getByTestId('pr-check').click();
    await changeCard(page, '됬다').first().waitFor();
    await changeCard(page, '할수').first().getByTestId('pr-accept').click();
    await page.getByTestId('wb-pending').filter({ hasText: '변경 1건' }).waitFor();
    await changeCard(page, '됬다').first().getByTestId('pr-accept').click();
    await page.getByTestId('wb-pending').filter({ hasText: '변경 2건' }).waitFor();
    // The view shows the accepted changes as tracked (deleted and inserted text).
    const first = page.locator('#sseugi-file-view > *').first();
    await expect(first.locator('del').allTextContents()).resolves.toEqual(['할수있', '됬다']);
    await expect(first.locator('ins').allTextContents()).resolves.toEqual(['할 수 있', '됐다']);
  }

  async function save(page: Page): Promise<{ name: string; bytes: Buffer }> {
    const failed = page
      .getByTestId('wb-error')
      .waitFor({ timeout: 60_000 })
      .then(async () => {
        throw new Error(`save failed: ${await page.getByTestId('wb-error').textContent()}`);
      });
    failed.catch(() => undefined);
    const [download] = await Promise.race([Promise.all([page.waitForEvent('download'), page.getByTestId('wb-save').click()]), failed]);
    const file = await download.path();
    await page.getByTestId('wb-saved').waitFor();
    return { name: download.suggestedFilename(), bytes: readFileSync(file) };
  }

  it('.hwpx: open with the button, check, accept two cards, save as 한글 tracked changes', async () => {
    const original = await hwpxWithText();
    const page = await openPage();
    await page.getByTestId('wb-file-input').setInputFiles({ name: '보도자료.hwpx', mimeType: 'application/hwp+zip', buffer: original });
    await page.getByTestId('wb-file').filter({ hasText: '보도자료.hwpx' }).waitFor();
    await expect(page.getByTestId('wb-readonly').textContent()).resolves.toContain('수락한 것만');
    // The editor gives way to the file's read-only view.
    await expect(page.locator('#sseugi-editor').isHidden()).resolves.toBe(true);
    await expect(page.locator('#sseugi-file-view').getAttribute('contenteditable')).resolves.toBeNull();
    await expect(page.locator('#sseugi-file-view > *').first().textContent()).resolves.toBe(ERROR_TEXT);

    await checkAndAcceptTwo(page);
    expect(fake.requests).toHaveLength(0); // rules only
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-hwpx-accepted.png') });
    const saved = await save(page);
    await expect(page.getByTestId('wb-saved').textContent()).resolves.toMatch(/적용 2건, 건너뜀 0건/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-hwpx-saved.png') });

    // Same name with a suffix, same format.
    expect(saved.name).toMatch(/^보도자료.+\.hwpx$/);
    expect(saved.name).not.toBe('보도자료.hwpx');
    const before = await zipEntries(original);
    const after = await zipEntries(saved.bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // Only the section and the header (its tracked-change list) may differ.
    for (const [name, bytes] of before) {
      if (name === 'Contents/section0.xml' || name === 'Contents/header.xml') continue;
      expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    }
    const section = after.get('Contents/section0.xml')!.toString('utf8');
    const para = hwpxParagraphTexts(section, 'insertBegin');
    expect(hwpxAcceptedText(para)).toBe(EXPECTED);
    expect(section.match(/<hp:insertBegin\b/g)).toHaveLength(2);
    expect(section.match(/<hp:deleteBegin\b/g)).toHaveLength(2);
    const header = after.get('Contents/header.xml')!.toString('utf8');
    expect(header).toMatch(/<hh:trackChangeAuthor\b[^>]*name="쓰기"/);
    expect(header.match(/<hh:trackChange\b/g)).toHaveLength(4); // a deletion and an insertion per edit (the original has none)

    // Re-opened through the relay's own reader, the file opens (and the rest of the article is intact).
    const reopened = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const res = await fetch('/api/document/parse', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-sseugi-filename': encodeURIComponent('again.hwpx') },
        body: bytes,
      });
      return { status: res.status, body: (await res.json()) as { paragraphs: Array<{ text: string }> } };
    }, saved.bytes.toString('base64'));
    expect(reopened.status).toBe(200);
    expect(reopened.body.paragraphs.some((p) => p.text.includes('김하성은 2일(이하 한국시간)'))).toBe(true);
    await page.context().close();
  });

  it('.docx: open by drag and drop, check, accept two cards, save as Word tracked changes', async () => {
    const original = await docxWith([ERROR_TEXT, '회의는 다음 주에 다시 열기로 했다.']);
    const page = await openPage();
    // Drop the file on the document area, as a user dragging it from the file manager would.
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(
        new File([bytes], '계약 검토.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
      );
      const zone = document.querySelector('main')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, original.toString('base64'));
    await page.getByTestId('wb-file').filter({ hasText: '계약 검토.docx' }).waitFor();
    await checkAndAcceptTwo(page);
    const saved = await save(page);
    expect(saved.name).toMatch(/^계약 검토.+\.docx$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-docx-saved.png') });

    const doc = (await zipEntries(saved.bytes)).get('word/document.xml')!.toString('utf8');
    const ins = [...doc.matchAll(/<w:ins\b([^>]*)>([\s\S]*?)<\/w:ins>/g)];
    const del = [...doc.matchAll(/<w:del\b([^>]*)>([\s\S]*?)<\/w:del>/g)];
    const text = (xml: string, tag: string) =>
      [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]).join('');
    expect(ins.map((m) => text(m[2]!, 'w:t'))).toEqual(['할 수 있', '됐다']);
    expect(del.map((m) => text(m[2]!, 'w:delText'))).toEqual(['할수있', '됬다']);
    for (const m of [...ins, ...del]) {
      expect(m[1]).toMatch(/w:author="쓰기"/);
      expect(m[1]).toMatch(/w:date="\d{4}-\d\d-\d\dT/);
    }
    // With every change accepted (deletions dropped), the paragraph reads as corrected.
    const firstPara = doc.match(/<w:p\b[\s\S]*?<\/w:p>/)![0];
    expect(text(firstPara.replace(/<w:del\b[\s\S]*?<\/w:del>/g, ''), 'w:t')).toBe(EXPECTED);
    expect(doc).toContain('회의는 다음 주에 다시 열기로 했다.');

    // Summarising works on the open file as on the editor: the model gets the file's current text.
    await page.getByTestId('tab-summarize').click();
    await page.getByTestId('summarize').click();
    await page.getByTestId('result').filter({ hasText: '핵심' }).waitFor();
    const prompt = fake.requests
      .at(-1)!
      .messages!.map((m) => m.content)
      .join('\n');
    expect(prompt).toContain(`${EXPECTED}\n회의는 다음 주에 다시 열기로 했다.`);
    await page.context().close();
  });

  it('refuses a format it cannot open, with a Korean message; closing asks before dropping unsaved suggestions, then returns to the editor', async () => {
    const page = await openPage();
    await page
      .getByTestId('wb-file-input')
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    await expect(page.getByTestId('wb-error').textContent()).resolves.toContain('열 수 없습니다');
    // A corrupt .hwpx reaches the relay, which answers 422 FILE_CORRUPT.
    await page
      .getByTestId('wb-file-input')
      .setInputFiles({ name: 'broken.hwpx', mimeType: 'application/hwp+zip', buffer: Buffer.from('PK\u0003\u0004 not really a zip') });
    await expect(page.getByTestId('wb-error').textContent()).resolves.toContain('손상');
    await page
      .getByTestId('wb-file-input')
      .setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from(`${ERROR_TEXT}\n`) });
    await page.getByTestId('wb-file').waitFor();
    // An accepted, unsaved suggestion: closing asks first; cancelling keeps the file open.
    await page.getByTestId('tab-proofread').click();
    await page.getByTestId('pr-check').click();
    await changeCard(page, '됬다').first().getByTestId('pr-accept').click();
    await page.getByTestId('wb-pending').filter({ hasText: '변경 1건' }).waitFor();
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId('wb-close').click();
    expect(asked).toEqual([expect.stringContaining('저장하지 않았습니다')]);
    await expect(page.getByTestId('wb-file').count()).resolves.toBe(1);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('wb-close').click();
    await expect(page.locator('#sseugi-editor').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('wb-file').count()).resolves.toBe(0);
    await page.context().close();
  });
  it('saves in the mode chosen in Settings: direct edits into .hwpx, comments into .docx', async () => {
    // Direct: the text is replaced, no tracked change is written.
    let page = await openPage('direct');
    await page
      .getByTestId('wb-file-input')
      .setInputFiles({ name: 'direct.hwpx', mimeType: 'application/hwp+zip', buffer: await hwpxWithText() });
    await page.getByTestId('wb-file').waitFor();
    await page.getByTestId('tab-proofread').click();
    await page.getByTestId('pr-check').click();
    await changeCard(page, '됬다').first().getByTestId('pr-accept').click();
    await page.getByTestId('wb-pending').filter({ hasText: '변경 1건' }).waitFor();
    await expect(page.getByTestId('wb-pending').textContent()).resolves.toContain('바로 고치기');
    const direct = await save(page);
    const section = (await zipEntries(direct.bytes)).get('Contents/section0.xml')!.toString('utf8');
    expect(section).not.toMatch(/<hp:(insert|delete)Begin\b/);
    expect(hwpxParagraphTexts(section, '할수있는')).toBe('할수있는 일이 됐다.');
    await page.context().close();

    // Comment: the text stays; the finding becomes a Word comment on its span.
    page = await openPage('comment');
    await page
      .getByTestId('wb-file-input')
      .setInputFiles({ name: 'memo.docx', mimeType: 'application/octet-stream', buffer: await docxWith([ERROR_TEXT]) });
    await page.getByTestId('wb-file').waitFor();
    await page.getByTestId('tab-proofread').click();
    await page.getByTestId('pr-check').click();
    await changeCard(page, '됬다').first().getByTestId('pr-accept').click();
    await page.getByTestId('wb-pending').filter({ hasText: '메모 1건' }).waitFor();
    const commented = await save(page);
    await expect(page.getByTestId('wb-saved').textContent()).resolves.toContain('메모 1건');
    const entries = await zipEntries(commented.bytes);
    const doc = entries.get('word/document.xml')!.toString('utf8');
    expect(doc).not.toMatch(/<w:(ins|del)\b/);
    expect(doc).toMatch(/<w:commentRangeStart\b/);
    expect(entries.get('word/comments.xml')!.toString('utf8')).toContain('됐다');
    await page.context().close();
  });
});
