/** Types for site-headers.cjs (used by the Node server in src/server/). */
export declare const HASHED_ASSET: RegExp;
export declare const IMMUTABLE: string;
export declare const REVALIDATE: string;
export declare const MIME_TYPES: Record<string, string>;
export declare function contentSecurityPolicy(officejs: string): string;
export declare function cacheControlFor(fileName: string): string;
export declare function webConfigXml(opts: { csp: string; hashedFiles: string[] }): string;
