/** Types of source-manifest.js, for the tests (bin/ is plain JavaScript that runs without a build). */
export function sourceManifest(srcDir: string): Record<string, string> | undefined;
export function sameManifest(a: Record<string, string>, b: Record<string, string>): boolean;
