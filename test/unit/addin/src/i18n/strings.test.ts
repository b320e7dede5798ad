/** Issue 16 item 9: taskpane.html opened in a ko-KR browser (no Office host) speaks Korean. */
import { paneLanguage } from '../../../../../addin/src/i18n/strings';

describe('paneLanguage', () => {
  it('follows Office inside an Office host', () => {
    expect(paneLanguage(true, 'en-US', 'ko-KR')).toBe('en');
    expect(paneLanguage(true, 'ko-KR', 'en-US')).toBe('ko');
  });
  it('follows the browser outside Office, whatever Office.js reports', () => {
    expect(paneLanguage(false, 'en-US', 'ko-KR')).toBe('ko');
    expect(paneLanguage(false, undefined, 'ko-KR')).toBe('ko');
    expect(paneLanguage(false, undefined, 'en-GB')).toBe('en');
  });
});
