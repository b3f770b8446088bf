// Types of minify-literals.mjs, for the TypeScript bench and configs that import it.
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export declare const KIT_SOURCE: RegExp;
export declare const MINIFY_OPTIONS: Record<string, unknown>;
export declare function minifyTemplateLiterals(code: string, fileName: string): Promise<string>;
export declare function esbuildMinifyLiterals(): EsbuildPlugin;
export declare function viteMinifyLiterals(): VitePlugin;
