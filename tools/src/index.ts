// The orchestrator's library: what `./kairo start`, `./kairo test` and the end-to-end tests share.
export { devSystem, testSystem } from './config.ts'
export {
  createDatabaseIfMissing,
  type Database,
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from './database.ts'
export { dataDir, packageDir, repoRoot } from './paths.ts'
export { type Service, startService } from './processes.ts'
export { seedDeliverableFiles } from './seed-files.ts'
export { startCms, startSiteDev, startSitePreview, startWorker } from './services.ts'
export { buildCmsIfChanged, buildSite, buildSitePreview, migrateAll, seedAll } from './steps.ts'
