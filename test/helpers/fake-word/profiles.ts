/**
 * Client profiles the WordHost suite runs under. Requirement-set support per
 * client from "Word JavaScript API requirement sets"
 * (learn.microsoft.com/javascript/api/requirement-sets/word/word-api-requirement-sets):
 * Office 2016 perpetual (MSI) supports WordApi 1.1 only; Microsoft 365 on
 * Windows/Mac and Word on the web support the current sets (1.1 … 1.9 and later).
 * Tracked-deletion behaviour from office-js issues #1267, #5286, #2314: Word on
 * the web keeps deleted revisions in Paragraph.text; desktop does so only in some
 * markup views, so the desktop profile takes the view where it does not.
 */
import type { FakeWordOptions } from './office';

export interface WordProfile {
  name: string;
  options: Omit<FakeWordOptions, 'paragraphs'>;
}

export const WORD_2016: WordProfile = { name: 'Word 2016 (1.1 only)', options: { wordApi: ['1.1'] } };
export const DESKTOP_CURRENT: WordProfile = {
  name: 'desktop current',
  options: { wordApi: '1.9', keepTrackedDeletions: true, deletedTextInParagraphText: false },
};
export const WEB_CURRENT: WordProfile = {
  name: 'web current',
  options: { wordApi: '1.9', keepTrackedDeletions: true, deletedTextInParagraphText: true },
};

export const WORD_PROFILES: WordProfile[] = [WORD_2016, DESKTOP_CURRENT, WEB_CURRENT];
