/** Web APIs jsdom lacks but api/client's stream parser needs at import time. */
import { ReadableStream, TextDecoderStream, TransformStream, WritableStream } from 'node:stream/web';

const g = globalThis as Record<string, unknown>;
g.TransformStream ??= TransformStream;
g.ReadableStream ??= ReadableStream;
g.WritableStream ??= WritableStream;
g.TextDecoderStream ??= TextDecoderStream;
g.IS_REACT_ACT_ENVIRONMENT = true;
