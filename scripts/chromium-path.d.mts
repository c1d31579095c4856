export declare const HEADLESS_SHELL: string
export declare function isExecutable(file: string): boolean
export declare function findChromium(): string | undefined
