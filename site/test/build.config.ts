import config from '../astro.config.ts'

// The build test's config: the real one, with Astro's cache (which holds the content store) moved
// to a temp folder so a test build cannot leave fixture entries in the real build's store.
export default { ...config, cacheDir: process.env.KAIRO_TEST_CACHE_DIR ?? './node_modules/.astro' }
