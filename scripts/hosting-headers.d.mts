export declare const CONTENT_SECURITY_POLICY: string
export declare const COMMON_HEADERS: Readonly<Record<string, string>>
export declare const CACHE_IMMUTABLE: string
export declare const CACHE_REVALIDATE: string
export declare const CONTENT_TYPES: Readonly<Record<string, string>>
