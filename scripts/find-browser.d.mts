// Types of find-browser.mjs, for the TypeScript tests that launch the system browser.
export declare const CHROMIUM_ARGS: string[];
export declare function findBrowser(kind?: 'chromium' | 'firefox'): string;
export declare const bundledLibraries: string | undefined;
