// Types of split-en.mjs, for the tests.
export declare const PARTS: Record<string, { name: string; about: string; prefixes: string[] }>;
export declare const KEY_PARTS: Record<string, string>;
export declare function partOf(key: string): string | undefined;
