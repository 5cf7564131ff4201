import { log, runMain } from '../log.ts'
import { localSecrets } from '../secrets.ts'
import { parseArgs, userPath } from './cli-args.ts'
import { openDevTarget } from './local-services.ts'
import { restore } from './restore.ts'
import { devStores } from './stores-config.ts'

/** `./kairo restore <archive> [--force]`: verify, then restore into an empty (or, forced, any) target. */
runMain(async () => {
  const { flags, positional } = parseArgs(process.argv.slice(2), {
    values: [],
    flags: ['force'],
    positional: 1,
  })
  const archive = userPath(positional[0] as string)
  const { target, close } = await openDevTarget(devStores)
  try {
    const result = await restore(target, {
      archive,
      force: flags.has('force'),
      payloadSecret: localSecrets().PAYLOAD_SECRET,
      log,
    })
    log(
      `restored ${archive}: the database and ${result.objects} objects${result.removed ? ` (${result.removed} others removed)` : ''} in ${result.seconds.toFixed(1)} s`,
    )
  } finally {
    await close()
  }
})
