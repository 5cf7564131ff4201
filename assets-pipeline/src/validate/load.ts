import { type Document, GLB_BUFFER, type NodeIO } from '@gltf-transform/core'
import { codecIO } from '../compress/codecs.ts'
import { checkSource } from './checks.ts'
import { runKhronosValidator } from './khronos.ts'
import type { InputLimits } from './limits.ts'
import { ModelError, reasonOf } from './model-error.ts'
import type { SourceFiles } from './source.ts'

/**
 * Validates an untrusted model's files (Khronos validator, then the pipeline's own limits) and only
 * then parses them into a glTF-Transform Document, from the bytes already read: nothing is fetched.
 */
export async function validateAndParse(
  source: SourceFiles,
  limits: InputLimits,
  io?: NodeIO,
): Promise<{ doc: Document; validatorWarnings: number }> {
  // Our checks run on the raw JSON first only to give the clearer reason when both would fail; the
  // validator still sees the model before glTF-Transform parses anything.
  const validation = runKhronosValidator(source)
  const ours = (async () => checkSource(source, limits))()
  const [validated, checked] = await Promise.allSettled([validation, ours])
  if (checked.status === 'rejected') throw checked.reason
  if (validated.status === 'rejected') throw validated.reason
  const resources = Object.fromEntries(source.resources) as Record<string, Uint8Array<ArrayBuffer>>
  if (source.bin) resources[GLB_BUFFER] = source.bin as Uint8Array<ArrayBuffer>
  try {
    const doc = await (io ?? (await codecIO())).readJSON({
      json: structuredClone(source.json) as never,
      resources,
    })
    return { doc, validatorWarnings: validated.value.warnings }
  } catch (error) {
    throw new ModelError(`could not be read (${reasonOf(error)})`)
  }
}
