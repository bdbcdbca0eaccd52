// Types of kept-bundle.js, for the TypeScript modules that build worker bundles with it.
export declare const ROOT: string
export declare const CACHE: string
export declare const NOT_BUNDLED: string[]
export declare const REQUIRE_BANNER: string
export declare function bundleOptions(
  entryPath: string,
  options?: { packages?: boolean },
): {
  entryPoints: string[]
  bundle: true
  platform: 'node'
  format: 'esm'
  target: string
  absWorkingDir: string
  external?: string[]
  banner?: { js: string }
  write: false
  metafile: true
  logLevel: 'silent'
}
export declare function bundleKey(): string
export declare function stampedFiles(inputs: string[]): string[]
export declare function keptBundle(name: string, key: string): string | undefined
export declare function keepBundle(
  name: string,
  key: string,
  code: string | Uint8Array,
  inputs: string[],
  started: number,
): string
export declare function bundledEntry(entry: string): Promise<string>
