/** The edit kernel: span rules, planning, narrowing, staleness and the comment format (no DOM, Node or Office). */
export { byPosition, isInsertion, spansClash, type Span } from './span';
export { planEdits, type EditPlan, type PlanOptions } from './plan';
export { applyEditsToText } from './apply';
export { narrowEdit, sharedEnds, type NarrowOptions, type TextEdit } from './narrow';
export { editedSince, reading, spanHolds, spanInside } from './stale';
export { AI_COMMENT_PREFIX, commentText } from './comment';
