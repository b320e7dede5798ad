/** A draft request → prompt and pack, by template id (server/generation/drafts.ts). */
import { legalPrompt, listTemplates, planDraft } from '../../../../server/generation/drafts';
import { LEGAL_TEMPLATE_BY_ID } from '../../../../server/generation/legal-templates';
import { loadPrompts } from '../../../../server/generation/prompts';
import { LEGAL_TEMPLATE_IDS, TEMPLATE_IDS } from '../../../../server/generation/template-ids';
import { contractOutline } from '../../../../server/proofread/packs/contract/structure';

const prompts = loadPrompts();

describe('templates by stable id', () => {
  test('each legal id names the template with that id and its own prompt file', () => {
    for (const id of LEGAL_TEMPLATE_IDS) {
      expect(LEGAL_TEMPLATE_BY_ID[id].id).toBe(id);
      const p = legalPrompt(id, '제목\n- 요점', '', prompts);
      expect(p.system).toBe(prompts.files[id].system);
    }
  });

  test('the listing carries every id once, general first', () => {
    const ids = listTemplates().map((t) => t.id);
    expect(ids).toEqual([...TEMPLATE_IDS]);
    expect(listTemplates().find((t) => t.id === 'contract-clause')).toMatchObject({ kind: 'legal', pack: 'contract' });
    expect(listTemplates().find((t) => t.id === 'email')).toMatchObject({ kind: 'general', pack: 'general' });
  });
});

describe('planDraft', () => {
  test('a legal template: its prompt file and its pack', () => {
    const plan = planDraft({ instruction: '온도 제어 장치', template: 'patent-description' }, prompts);
    expect(plan.pack).toBe('patent');
    expect(plan.messages[0]!.content).toBe(prompts.files['patent-description'].system);
    expect(plan.maxTokens).toBe(prompts.files['patent-description'].maxTokens.default);
    expect(plan.temperature).toBe(prompts.files['patent-description'].temperature);
  });

  test('a general template (or none): the draft prompt, no pack', () => {
    for (const template of ['email', undefined] as const) {
      const plan = planDraft({ instruction: '회의 안내', template }, prompts);
      expect(plan.pack).toBeNull();
      expect(plan.messages[0]!.content).toBe(prompts.files.draft.system);
    }
  });

  test('continuing appends the partial answer and the continue turn', () => {
    const plan = planDraft({ instruction: '회의 안내', continueFrom: '지금까지의 답' }, prompts);
    expect(plan.messages.slice(-2)).toEqual([
      { role: 'assistant', content: '지금까지의 답' },
      { role: 'user', content: prompts.files.continue.user },
    ]);
  });

  test('a contract clause is told the contract’s defined terms and articles', () => {
    const grounding = [
      '제1조(목적) 이 계약은 …',
      '제2조(정의) ① "서비스"란 을이 제공하는 용역을 말한다.',
      '② 기타',
      '제2조의2(특례) ① 가',
      '제3조 갑과 을은 …',
    ].join('\n');
    expect(contractOutline(grounding.split('\n'))).toEqual({ definedTerms: ['서비스'], existingArticles: { 1: 0, 2: 2, 3: 0 } });
    const plan = planDraft({ instruction: '지체상금을 정한다.', template: 'contract-clause', text: grounding }, prompts);
    expect(plan.pack).toBe('contract');
    expect(plan.messages[1]!.content).toContain('서비스');
    expect(plan.messages[1]!.content).toContain('제2조(제1항∼제2항)');
  });
});
