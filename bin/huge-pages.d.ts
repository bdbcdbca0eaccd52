// Types of huge-pages.js, for the TypeScript modules that read its setting (the bench, its tests).
export declare const HUGE_PAGES_ENV: string
export declare const LAUNCHER_PID_ENV: string
export declare function launcherPid(): number | undefined
export declare function hugePageMode(): string | undefined
export declare function hugePageLibrary(): string | undefined
export declare function relaunchWithHugePages(args: string[]): Promise<never> | undefined
