import type { FieldHook } from 'payload'

/**
 * Makes the very first user an admin. The role field is writable by admins only, so without this
 * the account made on the admin's "create first user" screen would default to `editor` and nobody
 * could manage users.
 */
export const firstUserIsAdmin: FieldHook = async ({ operation, req, value }) => {
  if (operation !== 'create') return value
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0 ? 'admin' : value
}
