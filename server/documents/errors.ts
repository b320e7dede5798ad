/** Errors a file can raise while being opened or patched: a code and a Korean + English message. */
export type DocumentErrorCode =
  'FILE_TOO_LARGE' | 'UNSUPPORTED_FORMAT' | 'FILE_ENCRYPTED' | 'FILE_DRM' | 'FILE_CORRUPT' | 'HWP_TRACKED_UNSUPPORTED';

const MESSAGES: Record<DocumentErrorCode, string> = {
  FILE_TOO_LARGE: '파일이 너무 큽니다. / The file is larger than the relay accepts.',
  UNSUPPORTED_FORMAT:
    '지원하지 않는 파일 형식입니다(.hwpx, .hwp, .docx, .txt, .md). / Unsupported file format (.hwpx, .hwp, .docx, .txt, .md).',
  FILE_ENCRYPTED:
    '암호가 걸린 문서입니다. 한글/Word에서 암호를 해제한 뒤 다시 여세요. / The document is password-protected; remove the password and try again.',
  FILE_DRM: '배포용(DRM) 문서라 열 수 없습니다. / The document is DRM-protected (distribution document) and cannot be opened.',
  FILE_CORRUPT: '문서가 손상되었거나 읽을 수 없습니다. / The document is damaged or cannot be read.',
  HWP_TRACKED_UNSUPPORTED:
    '.hwp 파일에는 변경 추적·메모를 정확히 쓸 수 없습니다. 한글에서 HWPX로 저장하거나 "바로 고치기"를 쓰세요. / Tracked changes and comments cannot be written correctly into .hwp; save the file as HWPX in 한글, or use direct mode.',
};

export const DOCUMENT_ERROR_STATUS: Record<DocumentErrorCode, number> = {
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FORMAT: 415,
  FILE_ENCRYPTED: 422,
  FILE_DRM: 422,
  FILE_CORRUPT: 422,
  HWP_TRACKED_UNSUPPORTED: 422,
};

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string = MESSAGES[code],
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
