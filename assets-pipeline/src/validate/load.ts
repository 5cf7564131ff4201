import { type Document, GLB_BUFFER, type NodeIO } from '@gltf-transform/core'
import { codecIO } from '../compress/codecs.ts'
import { checkSource } from './checks.ts'
import { runKhronosValidator } from './khronos.ts'
import type { InputLimits } from './limits.ts'
import { ModelError, reasonOf } from './model-error.ts'
import { repairStructure } from './repair.ts'
import type { SourceFiles } from './source.ts'

/**
 * Validates an untrusted model's files (Khronos validator, then the pipeline's own limits) and only
 * then parses them into a glTF-Transform Document, from the bytes already read: nothing is fetched.
 */
export async function validateAndParse(
  untouched: SourceFiles,
  limits: InputLimits,
  io?: NodeIO,
): Promise<{ doc: Document; validatorWarnings: number; repairs: string[] }> {
  // Structural faults with a safe repair are repaired first (repair.ts), and said so.
  const { source, repairs } = repairStructure(untouched)
  // Our checks first, on the raw JSON and headers only: they size what decoding would allocate
  // (geometry, texture pixels) and refuse it before the validator or a decoder reads any data, and
  // they give the clearer reason when both would fail. The validator still sees the model before
  // glTF-Transform parses anything.
  checkSource(source, limits)
  const validated = await runKhronosValidator(source)
  const resources = Object.fromEntries(source.resources) as Record<string, Uint8Array<ArrayBuffer>>
  if (source.bin) resources[GLB_BUFFER] = source.bin as Uint8Array<ArrayBuffer>
  try {
    const doc = await (io ?? (await codecIO())).readJSON({
      json: structuredClone(source.json) as never,
      resources,
    })
    return { doc, validatorWarnings: validated.warnings, repairs }
  } catch (error) {
    throw new ModelError(`could not be read (${reasonOf(error)})`)
  }
}
