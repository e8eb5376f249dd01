/** Bounds that keep one hostile or broken input from exhausting memory or time. */
export interface InputLimits {
  /** Largest body accepted, in bytes. @default 52_428_800 (50 MB) */
  maxBodyBytes: number;
  /** Most records accepted in one `{"records":[…]}` envelope. @default 100_000 */
  maxRecordsPerBody: number;
  /** Deepest nesting accepted inside one record (objects and arrays). @default 32 */
  maxDepth: number;
  /** Characters of the raw input kept in a rejected record. @default 4_096 */
  maxRawChars: number;
  /** Longest identifier, code or name accepted from a record; longer means garbage. @default 1_024 */
  maxFieldChars: number;
  /** Free text (alert description, recommendation) is cut to this length. @default 4_000 */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: InputLimits = Object.freeze({
  maxBodyBytes: 50 * 1024 * 1024,
  maxRecordsPerBody: 100_000,
  maxDepth: 32,
  maxRawChars: 4_096,
  maxFieldChars: 1_024,
  maxTextChars: 4_000,
});
