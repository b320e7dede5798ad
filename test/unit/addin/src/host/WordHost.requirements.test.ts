/**
 * The manifest's requirements and the code's gating agree:
 *  1. the fake's member → set table (test/helpers/fake-word/requirements.ts) matches
 *     Microsoft's reference docs as shipped in @types/office-js;
 *  2. every Word API member WordHost's source names whose set is above the manifest's
 *     minimum is in that table, so the fake gates it (throws ApiNotFound at the call on a
 *     client without the set, and records a call not preceded by isSetSupported);
 *  3. the generated manifest asks for exactly the minimum the fake treats as ungated;
 *  4. the whole WordHost suite (wordhost.test.ts, word-defects.test.ts) runs under the
 *     three profiles with `expect(fake.ungatedCalls).toEqual([])` after every test.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_WORDAPI_MIN, renderManifest } from '../../../../../manifest/generate';
import { MANIFEST_MIN_WORDAPI, versionNumber, WORD_MEMBER_SETS } from '../../../../helpers/fake-word';
import { wordApiDocSets } from '../../../../helpers/fake-word/api-docs';
import { wordMembersUsedBy } from '../../../../helpers/fake-word/host-members';

const docs = wordApiDocSets();
const HOST_DIR = join(__dirname, '../../../../../addin/src/host');

describe('Word API requirement sets', () => {
  it('reads the docs (sanity: known members)', () => {
    expect(docs.get('Paragraph.detachFromList')).toBe('1.3');
    expect(docs.get('Range.expandTo')).toBe('1.3');
    expect(docs.get('Document.changeTrackingMode')).toBe('1.4');
    expect(docs.get('Paragraph.uniqueLocalId')).toBe('1.6');
    expect(docs.get('Range.insertText')).toBe('1.1');
    expect(docs.size).toBeGreaterThan(500);
  });

  it("the fake's table matches the docs member by member", () => {
    const wrong = Object.entries(WORD_MEMBER_SETS)
      .filter(([member, set]) => docs.get(member) !== set)
      .map(([member, set]) => `${member}: fake ${set}, docs ${docs.get(member) ?? '(absent)'}`);
    expect(wrong).toEqual([]);
  });

  it('every Word API member WordHost calls is in the fake table (so gated), resolved by the type checker', () => {
    const files = [join(HOST_DIR, 'WordHost.ts'), ...readdirSync(join(HOST_DIR, 'word')).map((f) => join(HOST_DIR, 'word', f))];
    const used = wordMembersUsedBy(files);
    // sanity: the checker sees the members we know WordHost uses
    for (const m of [
      'Paragraph.detachFromList',
      'Range.expandTo',
      'Document.changeTrackingMode',
      'Paragraph.uniqueLocalId',
      'Range.insertText',
    ]) {
      expect(used).toContain(m);
    }
    const min = versionNumber(MANIFEST_MIN_WORDAPI);
    const aboveMin = [...used].filter((m) => docs.has(m) && versionNumber(docs.get(m)!) > min);
    expect(aboveMin.filter((m) => !(m in WORD_MEMBER_SETS)).sort()).toEqual([]);
    // and nothing WordHost uses is unknown to the docs as a plain WordApi member
    expect([...used].filter((m) => !docs.has(m)).sort()).toEqual([]);
  }, 60_000);

  it('the manifest asks for the minimum the fake treats as ungated', () => {
    expect(MANIFEST_WORDAPI_MIN).toBe(MANIFEST_MIN_WORDAPI);
    const xml = renderManifest({ origin: 'https://sseugi.corp.example' });
    expect(xml).toMatch(new RegExp(`<Set Name="WordApi" MinVersion="${MANIFEST_MIN_WORDAPI.replace('.', '\\.')}"/>`));
  });
});
