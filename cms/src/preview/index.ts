// Draft preview: signed links from the admin to the site's preview server, and the endpoint it reads.
export { withDraftPreview } from './admin-preview.ts'
export { previewEndpoint } from './endpoint.ts'
