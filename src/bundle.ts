// The single-file bundle's entry (`dist/campaign-kit.bundle.js`, built by scripts/build-bundle.mjs): for
// hosts without a bundler. Unlike the package root it registers every element, and it carries Lit,
// @lit/context, idb, valibot and the virtualizer inside, so one <script type="module"> is enough.
import './define/all.js';

export * from './index.js';
export * from './offline/index.js';
