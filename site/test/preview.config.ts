import config from '../astro.preview.config.ts'

// The preview server's build for test/preview-server.test.ts: Astro's cache (the content store) in a
// temp folder, as in build.config.ts.
export default { ...config, cacheDir: process.env.KAIRO_TEST_CACHE_DIR ?? './node_modules/.astro' }
