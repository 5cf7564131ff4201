import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated.ts'
import { isAdmin } from '../../access/is-admin.ts'
import { isAdminField } from '../../access/is-admin-field.ts'
import { isAdminOrSelf } from '../../access/is-admin-or-self.ts'
import { firstUserIsAdmin } from './hooks/first-user-is-admin.ts'

export const USER_ROLES = ['admin', 'editor'] as const

/**
 * The studio's editors. Email and password auth; only admins create, delete or re-role users,
 * while everyone signed in may use the admin panel and edit their own account.
 */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role'],
  },
  access: {
    admin: authenticated,
    read: authenticated,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      options: USER_ROLES.map((role) => ({ label: role[0]?.toUpperCase() + role.slice(1), value: role })),
      // In the JWT so access checks read the role without another query.
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
      hooks: { beforeChange: [firstUserIsAdmin] },
    },
  ],
}
