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

/** How a streamed completion ended. */
export interface StreamEnd {
  /** 'stop', 'length', … as the server said; null when it said nothing. */
  finishReason: string | null;
  usage?: TokenUsage;
}

/**
 * Receives each piece of a streamed completion's text, synchronously, in the turn of the
 * event loop that read it from the model server (no queue, no async iterator between the
 * upstream socket and the pane's: docs/BENCHMARKS.md, issue 17).
 */
export type DeltaSink = (text: string) => void;

export interface LlmClient {
  readonly model: string;
  chat(req: ChatRequest): Promise<ChatResult>;
  /**
   * Streams one completion: `onDelta` gets every non-empty piece of text as it arrives; the
   * promise resolves when the stream ended, or rejects with an UpstreamError (or with what
   * `onDelta` threw). To stop early, abort `req.signal`.
   */
  chatStream(req: ChatRequest, onDelta: DeltaSink): Promise<StreamEnd>;
}

/** A function that runs one non-streamed completion; pure logic depends on this only. */
export type CompleteFn = (req: ChatRequest) => Promise<ChatResult>;
