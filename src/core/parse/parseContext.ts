import type { InputLimits } from './limits.js';
import type { InputOrigin } from '../types.js';

/** What every parser needs to know about the input it is looking at. */
export interface ParseContext {
  origin: InputOrigin;
  limits: InputLimits;
  receivedAt: string;
}
