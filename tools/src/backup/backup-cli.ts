import { join } from 'node:path'
import { log, runMain } from '../log.ts'
import { dataDir } from '../paths.ts'
import { backup } from './backup.ts'
import { parseArgs, userPath } from './cli-args.ts'
import { openDevTarget } from './local-services.ts'
import { devStores } from './stores-config.ts'

/** `./kairo backup [--out <file>]`: one archive of both schemas and every stored object. */
runMain(async () => {
  const { values } = parseArgs(process.argv.slice(2), { values: ['out'], flags: [], positional: 0 })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const out = values.out ? userPath(values.out) : join(dataDir, 'backups', `kairo-${stamp}.tar.gz`)
  const { target, close } = await openDevTarget(devStores)
  try {
    const result = await backup(target, { out, log })
    log(
      `backup written: ${result.archive} (${(result.bytes / 1024 / 1024).toFixed(1)} MiB, ${result.objects} objects, ${result.seconds.toFixed(1)} s)`,
    )
    log(`sha256 ${result.sha256} (also in ${result.archive}.sha256)`)
  } finally {
    await close()
  }
})
