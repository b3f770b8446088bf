// Types of build-bundle.mjs, for the TypeScript bench.
import type { BuildOptions, Plugin } from 'esbuild';

export declare const BUNDLE_ENTRY: string;
export declare const BUNDLE_FILE: string;
export declare const BUNDLE_DIR: string;
export declare const tsconfigRaw: { compilerOptions: Record<string, unknown> };
export declare const bundleOptions: BuildOptions & { plugins: Plugin[] };
export declare const LAZY_LANGUAGES: Record<string, string>;
export declare function languagesApart(): Plugin;
export declare function buildBundle(options?: { write?: boolean; outdir?: string }): Promise<{ text: string; outfile: string; chunks: Map<string, string> }>;
