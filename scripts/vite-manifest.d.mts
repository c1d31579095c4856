export interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
export type Manifest = Record<string, ManifestChunk>
export declare function readManifest(dist: string): Manifest
export declare function staticChunks(manifest: Manifest, keys: string[]): string[]
