import * as migration_20261123_094454_initial from './20261123_094454_initial'
import * as migration_20261123_110339_content_model from './20261123_110339_content_model'
import * as migration_20261123_141452_models from './20261123_141452_models'
import * as migration_20261202_054205_media_storage from './20261202_054205_media_storage'
import * as migration_20261202_055154_auth_rate_limits from './20261202_055154_auth_rate_limits'
import * as migration_20261203_071000_field_vitals from './20261203_071000_field_vitals'
import * as migration_20261203_233156_page_parents from './20261203_233156_page_parents'
import * as migration_20261203_234304_body_blocks from './20261203_234304_body_blocks.ts'
import * as migration_20261204_034103_site_builds from './20261204_034103_site_builds.ts'
import * as migration_20261204_040620_trash from './20261204_040620_trash.ts'
import * as migration_20261204_041657_video_media from './20261204_041657_video_media.ts'

export const migrations = [
  {
    up: migration_20261123_094454_initial.up,
    down: migration_20261123_094454_initial.down,
    name: '20261123_094454_initial',
  },
  {
    up: migration_20261123_110339_content_model.up,
    down: migration_20261123_110339_content_model.down,
    name: '20261123_110339_content_model',
  },
  {
    up: migration_20261123_141452_models.up,
    down: migration_20261123_141452_models.down,
    name: '20261123_141452_models',
  },
  {
    up: migration_20261202_054205_media_storage.up,
    down: migration_20261202_054205_media_storage.down,
    name: '20261202_054205_media_storage',
  },
  {
    up: migration_20261202_055154_auth_rate_limits.up,
    down: migration_20261202_055154_auth_rate_limits.down,
    name: '20261202_055154_auth_rate_limits',
  },
  {
    up: migration_20261203_071000_field_vitals.up,
    down: migration_20261203_071000_field_vitals.down,
    name: '20261203_071000_field_vitals',
  },
  {
    up: migration_20261203_233156_page_parents.up,
    down: migration_20261203_233156_page_parents.down,
    name: '20261203_233156_page_parents',
  },
  {
    up: migration_20261203_234304_body_blocks.up,
    down: migration_20261203_234304_body_blocks.down,
    name: '20261203_234304_body_blocks',
  },
  {
    up: migration_20261204_034103_site_builds.up,
    down: migration_20261204_034103_site_builds.down,
    name: '20261204_034103_site_builds',
  },
  {
    up: migration_20261204_040620_trash.up,
    down: migration_20261204_040620_trash.down,
    name: '20261204_040620_trash',
  },
  {
    up: migration_20261204_041657_video_media.up,
    down: migration_20261204_041657_video_media.down,
    name: '20261204_041657_video_media',
  },
]
