// Types of pack-kit.mjs, for the TypeScript bench and tests.
export declare const PACKED_BUDGET: number;
export declare function packKit(options?: { destination?: string; build?: boolean }): {
  tarball: string;
  size: number;
  unpackedSize: number;
  files: number;
  destination: string;
};
