/** The shapes a Lambda invocation resolves with, built by the pipeline (`pipeline/answer.ts`, `pipeline/result.ts`). */
export type { HttpResult } from '../../pipeline/result.js';
export type { BatchResult, HttpEventResult, SyncResult } from '../../pipeline/answer.js';
