// The orchestrator's library: what `./kairo start`, `./kairo test` and the end-to-end tests share.
export { type BackupResult, backup, type SystemTarget } from './backup/backup.ts'
export { type ObjectStore, openStore } from './backup/object-stores.ts'
export { type RestoreResult, restore } from './backup/restore.ts'
export { type LocalStores, resolveStores, type StoreLocation } from './backup/stores-config.ts'
export { devSystem, testSystem } from './config.ts'
export {
  createDatabaseIfMissing,
  type Database,
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from './database.ts'
export { LOCAL_MAIL, type LocalMailServer, localMailSettings, startMailServer } from './mail-server.ts'
export { LOCAL_MEDIA_DIRS, moveLocalMedia } from './move-local-media.ts'
export {
  LOCAL_S3_CREDENTIALS,
  type LocalObjectStorage,
  localObjectStorageEnv,
  type ObjectStorageEnv,
  objectStorage,
  removeStoredObject,
  s3ClientFor,
  startObjectStorage,
} from './object-storage.ts'
export { dataDir, packageDir, repoRoot } from './paths.ts'
export { type PgPooler, type PgPoolerOptions, startPgPooler } from './pg-pooler/index.ts'
export { waitForPortsFree } from './ports.ts'
export { type Service, startService } from './processes.ts'
export { startScheduledTicker } from './scheduled-ticker.ts'
export { seedDeliverableFiles } from './seed-files.ts'
export { startCms, startPipelineWorker, startSiteDev, startSitePreview, startWorker } from './services.ts'
export { buildCmsIfChanged, buildSite, buildSitePreview, migrateAll, seedAll } from './steps.ts'
