import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { nameByType } from '../../../storage/file-name.ts'
import { GLB_MIME_TYPE, glbProblem, MAX_MODEL_BYTES } from '../glb-type.ts'

const refuse = (message: string): never => {
  throw new ValidationError({ errors: [{ message, path: 'file' }] })
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Refuses, before anything is stored, an upload that is not a binary glTF 2.0 file, judged by its
 * first bytes (`glTF`, version 2), never by its name or claimed type; and any file over the limit.
 * The pipeline validates the model itself later, in the processing job (README "Models").
 */
export const guardModelUpload: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const size = file.size ?? file.data?.length ?? 0
  if (size > MAX_MODEL_BYTES || (file as { truncated?: boolean }).truncated) {
    refuse(
      `"${file.name}" is ${megabytes(size)}; the limit for a model is ${MAX_MODEL_BYTES / 1024 / 1024} MB.`,
    )
  }
  const problem = glbProblem(file.data ?? new Uint8Array())
  if (problem) refuse(`"${file.name}" ${problem}.`)
  // Browsers label .glb files inconsistently (often application/octet-stream); the bytes decided,
  // and they name the stored file too (`model.bin` holding a GLB is stored as `model.glb`).
  file.mimetype = GLB_MIME_TYPE
  file.name = nameByType(file.name, 'glb')
  return args
}
