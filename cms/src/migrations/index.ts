import * as migration_20261123_094454_initial from './20261123_094454_initial.ts'

export const migrations = [
  {
    up: migration_20261123_094454_initial.up,
    down: migration_20261123_094454_initial.down,
    name: '20261123_094454_initial',
  },
]
