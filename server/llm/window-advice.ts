/**
 * Says when the model's window is unknown or small, and which setting raises it: shown in
 * /api/health (`model.contextWarning`) and printed when the relay starts. Below
 * SMALL_CONTEXT_WINDOW a long document is cut into many small summary parts and proofreading
 * batches hold few paragraphs; Ollama in particular silently drops the start of a longer prompt.
 */
import type { BackendInfo } from './backend';

export const SMALL_CONTEXT_WINDOW = 8192;

/** How each backend's window is raised. */
const HOW_TO_RAISE: Record<BackendInfo['kind'], string> = {
  ollama:
    "raise it with OLLAMA_CONTEXT_LENGTH=32768 on the Ollama server (then restart it), or PARAMETER num_ctx 32768 in the model's Modelfile (ollama create)",
  llamacpp: 'raise it with llama-server -c (the window is shared by the -np slots: -c 32768 -np 1, or more with more slots)',
  vllm: 'raise it with vllm serve --max-model-len 32768',
  openai: "set LLM_CONTEXT_WINDOW to the model server's window",
};

export function contextWindowWarning(info: BackendInfo): string | undefined {
  const unknown =
    info.contextWindow === null || info.contextSource === 'default' || (info.kind === 'ollama' && info.contextSource !== 'server');
  const small = info.contextWindow !== null && info.contextWindow < SMALL_CONTEXT_WINDOW;
  if (!unknown && !small) return undefined;
  const what =
    info.contextWindow === null
      ? 'The model server does not report its context window'
      : unknown
        ? `The model server does not report its context window; assuming ${info.contextWindow} tokens`
        : `The model's context window is ${info.contextWindow} tokens`;
  const tail = small
    ? ` (below ${SMALL_CONTEXT_WINDOW}: long texts are split finely, proofreading batches are small${info.kind === 'ollama' ? ' and Ollama silently truncates longer prompts' : ''})`
    : '';
  return `${what}${tail}; ${HOW_TO_RAISE[info.kind]}.`;
}
