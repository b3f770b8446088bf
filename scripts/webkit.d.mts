// Types of webkit.mjs, for the TypeScript end-to-end driver that launches WebKit.
export declare const WEBKIT_HOW_TO: string;
export declare function findWebKit(): string | null;
export declare function webkitCapabilities(miniBrowser: string): Record<string, unknown>;
export declare function startWebKitDriver(env?: Record<string, string>): Promise<{ hostname: string; port: number; stop(): void }>;
