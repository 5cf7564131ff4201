import validator from 'gltf-validator'
import { ModelError } from './model-error.ts'
import type { SourceFiles } from './source.ts'

/** Runs the Khronos glTF validator; a ModelError lists the first errors it reports. */
export async function runKhronosValidator(source: SourceFiles): Promise<{ warnings: number }> {
  let report: Awaited<ReturnType<typeof validator.validateBytes>>
  try {
    report = await validator.validateBytes(source.bytes, {
      uri: source.file.split('/').pop() ?? 'model',
      format: source.format,
      maxIssues: 50,
      writeTimestamp: false,
      // Only the files readSource already read through the confined resolver: the validator reads nothing itself.
      externalResourceFunction: async (uri) => {
        const data = source.resources.get(uri) ?? source.resources.get(decodeURIComponent(uri))
        if (!data) throw new Error(`not supplied: ${uri}`)
        return data
      },
    })
  } catch (error) {
    throw new ModelError(`is not glTF 2.0 (the Khronos validator could not read it: ${String(error)})`)
  }
  const { numErrors, numWarnings, messages } = report.issues
  if (numErrors > 0) {
    const errors = messages
      .filter((m) => m.severity === 0)
      .slice(0, 3)
      .map((m) => `${m.code}${m.pointer ? ` at ${m.pointer}` : ''}: ${m.message}`)
    throw new ModelError(
      `fails the Khronos glTF validator with ${numErrors} error${numErrors === 1 ? '' : 's'} (${errors.join('; ')})`,
    )
  }
  return { warnings: numWarnings }
}
