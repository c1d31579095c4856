export declare const FIRST_PAINT_SCRIPT: string
export declare const FIRST_PAINT_SCRIPT_HASH: string
export declare function afterPaintAsset(root?: string): { fileName: string; source: string }
