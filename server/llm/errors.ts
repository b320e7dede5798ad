/** Failures of the model server, mapped to codes the pane translates. */

export type UpstreamErrorCode =
  | 'UPSTREAM_UNREACHABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_HTTP_ERROR'
  | 'UPSTREAM_CONTEXT_EXCEEDED'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_STREAM_CLOSED'
  | 'UPSTREAM_ABORTED';

const MESSAGES: Record<UpstreamErrorCode, string> = {
  UPSTREAM_UNREACHABLE: 'The model server cannot be reached.',
  UPSTREAM_TIMEOUT: 'The model server did not answer in time.',
  UPSTREAM_HTTP_ERROR: 'The model server answered with an error.',
  UPSTREAM_CONTEXT_EXCEEDED: 'The text is too long for the model server.',
  UPSTREAM_BAD_RESPONSE: 'The model server sent a response the relay could not read.',
  UPSTREAM_STREAM_CLOSED: 'The model server closed the stream before the answer was complete.',
  UPSTREAM_ABORTED: 'The request was cancelled.',
};

export class UpstreamError extends Error {
  constructor(
    readonly code: UpstreamErrorCode,
    /** Upstream HTTP status where there was one. */
    readonly upstreamStatus?: number,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
    this.name = 'UpstreamError';
  }

  /** HTTP status the relay answers with before streaming started. */
  get httpStatus(): number {
    switch (this.code) {
      case 'UPSTREAM_TIMEOUT':
        return 504;
      case 'UPSTREAM_CONTEXT_EXCEEDED':
        return 413;
      case 'UPSTREAM_ABORTED':
        return 499;
      default:
        return 502;
    }
  }

  /** Whether retrying the same request elsewhere or later can help. */
  get retryable(): boolean {
    return (
      this.code === 'UPSTREAM_UNREACHABLE' ||
      this.code === 'UPSTREAM_TIMEOUT' ||
      (this.code === 'UPSTREAM_HTTP_ERROR' && (this.upstreamStatus ?? 0) >= 500)
    );
  }
}
