import { caseStudySchema, pageSchema, serviceSchema } from '../lib/schemas.ts'
import { PUBLISHED_DEPTH_1_QUERY, PUBLISHED_QUERY } from './payload-loader.ts'

/**
 * The CMS collections with pages of their own, as the content store holds them: the store's name,
 * the loader's one read, the schema an entry is parsed with. The content config and the fast
 * publisher (src/fast-publish/) both read them from here, so a document read alone has the shape it
 * has in the build's bulk read.
 */
export const ROUTABLE_COLLECTIONS = {
  'case-studies': { name: 'caseStudies', query: PUBLISHED_QUERY, schema: caseStudySchema },
  // Services and pages populate one level: icons, parents.
  services: { name: 'services', query: PUBLISHED_DEPTH_1_QUERY, schema: serviceSchema },
  pages: { name: 'pages', query: PUBLISHED_DEPTH_1_QUERY, schema: pageSchema },
} as const

export type RoutableCollection = keyof typeof ROUTABLE_COLLECTIONS

export const isRoutableCollection = (slug: string): slug is RoutableCollection =>
  Object.hasOwn(ROUTABLE_COLLECTIONS, slug)
