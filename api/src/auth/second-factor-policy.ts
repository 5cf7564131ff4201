import type { UserRole } from '@kairo/db'

// Who must have a second factor: `SECOND_FACTOR_REQUIRED_ROLES`, read by env validation and by the
// sign-in. Kept apart from second-factor.ts so the env check pulls in no database code.

const ROLES: readonly UserRole[] = ['admin', 'team', 'client']
/** Who must have a second factor when `SECOND_FACTOR_REQUIRED_ROLES` is unset: the studio's staff. */
export const DEFAULT_REQUIRED_ROLES: readonly UserRole[] = ['admin', 'team']

/**
 * Parses `SECOND_FACTOR_REQUIRED_ROLES` (`admin,team`; `none` or an empty value for nobody); null
 * when it names something that is not a role, so env validation can say so.
 */
export function parseRequiredRoles(value: string | undefined): UserRole[] | null {
  if (value === undefined) return [...DEFAULT_REQUIRED_ROLES]
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'none')
  if (!names.every((name): name is UserRole => (ROLES as readonly string[]).includes(name))) return null
  return [...new Set(names)]
}

/** Whether accounts of `role` must have a second factor under this Worker's settings. */
export function roleRequiresSecondFactor(vars: { SECOND_FACTOR_REQUIRED_ROLES?: string }, role: UserRole) {
  return (parseRequiredRoles(vars.SECOND_FACTOR_REQUIRED_ROLES) ?? DEFAULT_REQUIRED_ROLES).includes(role)
}
