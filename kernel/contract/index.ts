/**
 * The wire contract between the pane and the relay — the single source of truth for
 * request bodies, SSE events, enumerations and the Suggestion shape (docs/API.md
 * describes it in prose). Kernel code: no Node, no DOM, no Office.js; zod/mini only.
 */
export * from './enums';
export * from './templates';
export * from './suggestion';
export * from './requests';
export * from './events';
export * from './documents';
