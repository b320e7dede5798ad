/**
 * The Word API members the fake models, each with the requirement set that
 * introduced it, as documented on learn.microsoft.com/javascript/api/word
 * ("[Api set: WordApi 1.x]" on each member; the same remarks ship in
 * @types/office-js, which test/unit/addin/src/host/WordHost.requirements.test.ts reads to check
 * this table). The fake throws ApiNotFound AT THE CALL for a member whose set
 * the configured client lacks (issue 12, point 2: office.js checks a member
 * against the client's sets when it is called and throws ApiNotFound there, so a
 * missing gate cannot hide behind a later sync()).
 *
 * Requirement sets are cumulative: a client with WordApi 1.4 has 1.1–1.3 too
 * (learn.microsoft.com/javascript/api/requirement-sets/word/word-api-requirement-sets).
 */
export const WORD_MEMBER_SETS: Readonly<Record<string, string>> = {
  // WordApi 1.1 — Office 2016 perpetual and later
  'Body.paragraphs': '1.1',
  'Body.text': '1.1',
  'Body.search': '1.1',
  'Document.body': '1.1',
  'Document.getSelection': '1.1',
  'Range.text': '1.1',
  'Range.font': '1.1',
  'Range.paragraphs': '1.1',
  'Range.insertText': '1.1',
  'Range.insertParagraph': '1.1',
  'Range.search': '1.1',
  'Range.select': '1.1',
  'Range.delete': '1.1',
  'Paragraph.text': '1.1',
  'Paragraph.style': '1.1',
  'Paragraph.font': '1.1',
  'Paragraph.insertText': '1.1',
  'Paragraph.insertParagraph': '1.1',
  'Paragraph.search': '1.1',
  'Paragraph.select': '1.1',
  'Paragraph.delete': '1.1',
  // WordApi 1.3 — Office 2019 perpetual and later
  'Body.getRange': '1.3',
  'Range.getRange': '1.3',
  'Range.expandTo': '1.3',
  'Range.isEmpty': '1.3',
  'Range.style': '1.1',
  'Range.styleBuiltIn': '1.3',
  'Paragraph.getRange': '1.3',
  'Paragraph.styleBuiltIn': '1.3',
  'Paragraph.isListItem': '1.3',
  'Paragraph.listItem': '1.3',
  'Paragraph.startNewList': '1.3',
  'Paragraph.detachFromList': '1.3',
  'ParagraphCollection.getFirst': '1.3',
  'ParagraphCollection.getLast': '1.3',
  'List.id': '1.3',
  'List.insertParagraph': '1.3',
  'List.setLevelNumbering': '1.3',
  'List.setLevelBullet': '1.3',
  'ListItem.level': '1.3',
  // WordApi 1.4
  'Document.changeTrackingMode': '1.4',
  'Range.insertComment': '1.4',
  'Range.getReviewedText': '1.4',
  'Paragraph.getReviewedText': '1.4',
  'Body.getReviewedText': '1.4',
  'Comment.content': '1.4',
  'Body.getComments': '1.4',
  // WordApi 1.6
  'Paragraph.uniqueLocalId': '1.6',
  'Document.getParagraphByUniqueLocalId': '1.6',
  'Document.onParagraphChanged': '1.6',
  'Document.onParagraphAdded': '1.6',
  'Document.onParagraphDeleted': '1.6',
};

/** The manifest's minimum (manifest/generate.ts asks for WordApi 1.1). */
export const MANIFEST_MIN_WORDAPI = '1.1';

export function versionNumber(v: string): number {
  const [maj, min] = v.split('.');
  return Number(maj) * 1000 + Number(min ?? 0);
}
