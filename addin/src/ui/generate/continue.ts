/** Follow-up requests that continue a result the model cut off (via POST /api/draft). */
import type { DraftRequest } from './history';

const MAX_INSTRUCTION = 4000;

/**
 * The instruction is for the model, in Korean like the relay's prompts.
 * `keepTemplate: false` for legal templates: the relay maps a legal template's
 * instruction onto structured input (e.g. the 기안문 title is the first line),
 * so a continuation goes out as a plain draft grounded on the text so far.
 */
export function continueDraftRequest(original: DraftRequest, partial: string, keepTemplate = true): DraftRequest {
  const instruction = [
    '이어서 작성: 참고 글은 아래 지시로 쓰다가 길이 제한으로 중간에 끊긴 초안입니다.',
    '이미 쓴 부분은 되풀이하지 말고, 끊긴 곳 바로 다음부터 같은 형식과 문체로 끝까지 이어서 쓰세요.',
    '',
    `원래 지시: ${original.instruction}`,
  ]
    .join('\n')
    .slice(0, MAX_INSTRUCTION);
  return { instruction, ...(keepTemplate && original.template ? { template: original.template } : {}), text: partial };
}

const STYLE_NAMES: Record<string, string> = {
  formal: '격식체로 공손하게',
  concise: '간결하게',
  plain: '쉽게',
  bullets: '개조식으로',
  hapsyo: '합쇼체로',
  haera: '해라체로',
  free: '지시대로',
};

export function continueRewriteRequest(source: string, style: string, instruction: string | undefined, partial: string): DraftRequest {
  const lines = [
    `이어서 작성: 참고 글의 [원문]을 ${STYLE_NAMES[style] ?? style} 고쳐 쓰다가 길이 제한으로 [고쳐 쓴 부분]에서 끊겼습니다.`,
    '이미 고쳐 쓴 부분은 되풀이하지 말고, 끊긴 곳 바로 다음부터 원문의 남은 내용을 같은 방식으로 끝까지 고쳐 쓰세요.',
  ];
  if (instruction) lines.push('', `추가 지시: ${instruction}`);
  return {
    instruction: lines.join('\n').slice(0, MAX_INSTRUCTION),
    text: `[원문]\n${source}\n\n[고쳐 쓴 부분]\n${partial}`,
  };
}
