/** Contracts of the model client: any OpenAI-compatible /v1/chat/completions. */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface JsonSchemaSpec {
  name: string;
  schema: Record<string, unknown>;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** Ask for JSON constrained by this schema, in the backend's own dialect. */
  jsonSchema?: JsonSchemaSpec;
  signal?: AbortSignal;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatResult {
  content: string;
  /** 'stop', 'length', … as the server said; null when it said nothing. */
  finishReason: string | null;
  usage?: TokenUsage;
}

export type StreamChunk = { type: 'delta'; text: string } | { type: 'finish'; finishReason: string | null; usage?: TokenUsage };

export interface LlmClient {
  readonly model: string;
  chat(req: ChatRequest): Promise<ChatResult>;
  chatStream(req: ChatRequest): AsyncIterable<StreamChunk>;
}

/** A function that runs one non-streamed completion; pure logic depends on this only. */
export type CompleteFn = (req: ChatRequest) => Promise<ChatResult>;
