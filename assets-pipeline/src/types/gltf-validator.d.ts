// gltf-validator ships no types; these cover the part of its API the pipeline uses.
declare module 'gltf-validator' {
  export interface ValidationMessage {
    code: string
    message: string
    severity: number
    pointer?: string
    offset?: number
  }
  export interface ValidationReport {
    issues: {
      numErrors: number
      numWarnings: number
      numInfos: number
      numHints: number
      messages: ValidationMessage[]
      truncated: boolean
    }
  }
  export interface ValidationOptions {
    uri?: string
    format?: 'glb' | 'gltf'
    externalResourceFunction?: (uri: string) => Promise<Uint8Array>
    writeTimestamp?: boolean
    maxIssues?: number
    ignoredIssues?: string[]
    severityOverrides?: Record<string, number>
  }
  export function validateBytes(data: Uint8Array, options?: ValidationOptions): Promise<ValidationReport>
  export function version(): string
  const validator: {
    validateBytes: typeof validateBytes
    version: typeof version
  }
  export default validator
}
