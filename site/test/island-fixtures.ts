// What other packages' tests and benchmarks use of the site's island fixtures, as the package's
// `@kairo/site/island-fixtures` entry: the fixture site with two pipeline-built models, the static
// server that serves it with its `_headers`, and the sphere GLB the engagement test uploads.
export { buildIslandsFixtureSite } from './islands-site.ts'
export { makeSphereGlb } from './models-fixture.ts'
export { type StaticServer, serveStatic } from './static-server.ts'
