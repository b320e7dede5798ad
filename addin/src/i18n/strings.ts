/** Every string the pane shows, in Korean and English. */

export type Lang = 'ko' | 'en';

const ko = {
  appTitle: '쓰기',
  tabSummarize: '요약',
  tabDraft: '초안',
  tabRewrite: '다듬기',
  tabProofread: '교정',
  tabSettings: '설정',
  summarize: '요약하기',
  stop: '중지',
  retry: '다시 시도',
  continue: '이어서 쓰기',
  insertBelow: '아래에 삽입',
  replaceSelection: '선택 영역 바꾸기',
  insertAtCursor: '커서 위치에 삽입',
  insertAsComment: '메모로 삽입',
  copy: '복사',
  copied: '복사했습니다.',
  inserted: '문서에 넣었습니다.',
  preview: '미리 보기',
  scopeSelection: '선택한 부분을 사용합니다.',
  scopeDocument: '선택한 부분이 없어 문서 전체를 사용합니다.',
  emptyDocument: '문서가 비어 있습니다. 글을 쓰거나 붙여 넣은 뒤 다시 시도하세요.',
  working: '생성 중…',
  progress: '{done}/{total} 부분 처리',
  stopped: '중지했습니다.',
  truncated: '모델이 길이 제한으로 답을 끝까지 쓰지 못했습니다. 이어서 쓰거나 다시 시도하세요.',
  relayChecking: '중계 서버 확인 중…',
  relayOk: '모델 연결됨: {model}',
  modelUnreachable: '모델 서버에 연결할 수 없습니다. 관리자에게 모델 서버 상태를 확인해 달라고 요청하세요.',
  relayUnreachable: '중계 서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.',
  length: '길이',
  lengthOneline: '한 줄',
  lengthShort: '짧게',
  lengthDetailed: '자세히',
  form: '형식',
  formParagraph: '문단',
  formBullets: '개조식',
  focus: '중점 (선택)',
  focusPlaceholder: '예: 리스크 위주로',
} as const;

export type StringKey = keyof typeof ko;

const en: Record<StringKey, string> = {
  appTitle: 'Sseugi',
  tabSummarize: 'Summarize',
  tabDraft: 'Draft',
  tabRewrite: 'Rewrite',
  tabProofread: 'Proofread',
  tabSettings: 'Settings',
  summarize: 'Summarize',
  stop: 'Stop',
  retry: 'Retry',
  continue: 'Continue',
  insertBelow: 'Insert below',
  replaceSelection: 'Replace selection',
  insertAtCursor: 'Insert at cursor',
  insertAsComment: 'Insert as comment',
  copy: 'Copy',
  copied: 'Copied.',
  inserted: 'Inserted into the document.',
  preview: 'Preview',
  scopeSelection: 'Using the selected text.',
  scopeDocument: 'Nothing is selected, so the whole document is used.',
  emptyDocument: 'The document is empty. Write or paste some text and try again.',
  working: 'Generating…',
  progress: '{done} of {total} parts done',
  stopped: 'Stopped.',
  truncated: 'The model hit its length limit before finishing. Continue or retry.',
  relayChecking: 'Checking the relay…',
  relayOk: 'Model connected: {model}',
  modelUnreachable: 'The model server cannot be reached. Ask your administrator to check the model server.',
  relayUnreachable: 'The relay cannot be reached. Check your network connection.',
  length: 'Length',
  lengthOneline: 'One line',
  lengthShort: 'Short',
  lengthDetailed: 'Detailed',
  form: 'Form',
  formParagraph: 'Paragraph',
  formBullets: 'Bullets',
  focus: 'Focus (optional)',
  focusPlaceholder: 'e.g. focus on risks',
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { ko, en };

/** Error codes from the relay → messages for the user. */
const errorMessages: Record<Lang, Record<string, string>> = {
  ko: {
    UPSTREAM_UNREACHABLE: '모델 서버에 연결할 수 없습니다. 관리자에게 문의하세요.',
    UPSTREAM_TIMEOUT: '모델 서버가 제시간에 응답하지 않았습니다. 잠시 후 다시 시도하세요.',
    UPSTREAM_HTTP_ERROR: '모델 서버가 오류를 알렸습니다. 잠시 후 다시 시도하세요.',
    UPSTREAM_CONTEXT_EXCEEDED: '글이 너무 길어 모델이 처리할 수 없습니다. 더 짧게 선택하세요.',
    UPSTREAM_BAD_RESPONSE: '모델 서버의 응답을 읽을 수 없습니다. 다시 시도하세요.',
    UPSTREAM_STREAM_CLOSED: '모델 서버가 답을 끝내기 전에 연결을 끊었습니다. 다시 시도하세요.',
    PAYLOAD_TOO_LARGE: '보낸 글이 중계 서버가 받는 크기보다 큽니다.',
    TEXT_TOO_LARGE: '글이 너무 깁니다. 일부를 선택해 다시 시도하세요.',
    INVALID_REQUEST: '요청이 올바르지 않습니다.',
    RATE_LIMITED: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
    BUSY: '모델 서버가 바쁩니다. 잠시 후 다시 시도하세요.',
    AUTH_REQUIRED: '인증이 필요합니다. 설정에서 API 키를 입력하세요.',
    AUTH_INVALID: '인증 정보가 올바르지 않습니다. 설정에서 API 키를 확인하세요.',
    NETWORK: '중계 서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.',
    INTERNAL: '중계 서버에 예기치 않은 오류가 발생했습니다.',
  },
  en: {
    UPSTREAM_UNREACHABLE: 'The model server cannot be reached. Contact your administrator.',
    UPSTREAM_TIMEOUT: 'The model server did not answer in time. Try again shortly.',
    UPSTREAM_HTTP_ERROR: 'The model server reported an error. Try again shortly.',
    UPSTREAM_CONTEXT_EXCEEDED: 'The text is too long for the model. Select less text.',
    UPSTREAM_BAD_RESPONSE: 'The model server’s answer could not be read. Try again.',
    UPSTREAM_STREAM_CLOSED: 'The model server closed the connection before finishing. Try again.',
    PAYLOAD_TOO_LARGE: 'The text sent is larger than the relay accepts.',
    TEXT_TOO_LARGE: 'The text is too long. Select part of it and try again.',
    INVALID_REQUEST: 'The request was not valid.',
    RATE_LIMITED: 'Too many requests. Try again shortly.',
    BUSY: 'The model server is busy. Try again shortly.',
    AUTH_REQUIRED: 'Sign-in is required. Enter your API key in Settings.',
    AUTH_INVALID: 'The credentials were not accepted. Check your API key in Settings.',
    NETWORK: 'The relay cannot be reached. Check your network connection.',
    INTERNAL: 'The relay hit an unexpected error.',
  },
};

export function errorMessage(lang: Lang, code: string): string {
  return errorMessages[lang][code] ?? errorMessages[lang].INTERNAL!;
}

export function format(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Korean when Office (or the browser) runs in Korean, English otherwise. */
export function pickLanguage(displayLanguage: string | undefined): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
