/**
 * Set in `req.context` by the processing code when it writes `status`, `error` and `manifest`: the
 * only writes allowed to change them (the collection's hooks keep editors' values out).
 */
export const MODEL_SYSTEM_WRITE = 'kairo.models.systemWrite'

/** Set by the collection's beforeChange when a save needs processing; read (and cleared) in afterChange. */
export const MODEL_NEEDS_PROCESSING = 'kairo.models.needsProcessing'

/**
 * Set by a caller that processes the model itself right after saving (the seed): the save marks it
 * `queued` but queues no job, so two builds of one model never race.
 */
export const MODEL_PROCESS_INLINE = 'kairo.models.processInline'
