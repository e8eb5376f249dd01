import type { ESLint } from 'eslint';

/** Which of our folders each layer may import from. */
export declare const LAYERS: Record<string, string[]>;
declare const plugin: ESLint.Plugin;
export default plugin;
