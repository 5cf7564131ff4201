import { companies, type Database, invitations, outbox, type UserRole, users } from '@kairo/db'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { and, desc, eq, gt, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { hashSecret, parseToken, randomToken } from '../auth/session.ts'
import { type AuditWriter, isUuid, type ListPage, pageNumber, toListPage } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// Invitations: a team member invites an email address to the dashboard. The link carries
// `<id>.<secret>` like a session token (same generator, parser and hash): the database keeps the id
// and only the SHA-256 of the secret, so a leaked table yields no usable link. A link works once,
// expires after a week, and can be revoked. The e-mail itself goes out through the outbox.

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000
export const INVITATIONS_PAGE_SIZE = 25
/** The outbox kind of the invitation e-mail. */
export const INVITATION_EMAIL = 'auth.invitation'

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const
export type InvitationStatus = (typeof INVITATION_STATUSES)[number]

/** One invitation as the list shows it (never its secret hash). */
export interface InvitationView {
  id: string
  email: string
  role: UserRole
  companyId: string | null
  companyName: string | null
  invitedByName: string | null
  createdAt: Date
  expiresAt: Date
  status: InvitationStatus
}

// Accepted and revoked are final; otherwise the clock decides between pending and expired.
const statusOf = (now: Date) => sql<InvitationStatus>`case
    when ${invitations.acceptedAt} is not null then 'accepted'
    when ${invitations.revokedAt} is not null then 'revoked'
    when ${invitations.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired'
    else 'pending' end`

function whereStatus(status: InvitationStatus, now: Date): SQL | undefined {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt))
  switch (status) {
    case 'accepted':
      return isNotNull(invitations.acceptedAt)
    case 'revoked':
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt))
    case 'expired':
      return and(open, lte(invitations.expiresAt, now))
    case 'pending':
      return and(open, gt(invitations.expiresAt, now))
  }
}

// The user who sent the invitation (a second join of `users`, under its own name).
const inviter = alias(users, 'inviter')
const viewColumns = (now: Date) => ({
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  companyId: invitations.companyId,
  companyName: companies.name,
  invitedByName: inviter.name,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  status: statusOf(now),
})

/** Invitations newest first, optionally of one status, with company and inviter; one statement. */
export async function listInvitations(
  db: Database,
  scope: Scope,
  options: { status?: InvitationStatus; page?: number; now?: Date } = {},
): Promise<ListPage<InvitationView>> {
  const page = pageNumber(options.page)
  const now = options.now ?? new Date()
  const rows = await db
    .select({ ...viewColumns(now), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(invitations)
    .leftJoin(companies, eq(companies.id, invitations.companyId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedById))
    .where(
      and(
        inScope(scope, invitations.companyId),
        options.status ? whereStatus(options.status, now) : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(INVITATIONS_PAGE_SIZE)
    .offset((page - 1) * INVITATIONS_PAGE_SIZE)
  return toListPage(rows, page, INVITATIONS_PAGE_SIZE)
}

/**
 * Who may invite someone to `role`, and so revoke such an invitation: an admin any role, a team member
 * clients only. Revoking follows the same rule as creating, or a team member could cancel the
 * admins' staff invitations (and invite those people again as clients).
 */
export function mayInviteAs(actorRole: UserRole, role: UserRole): boolean {
  return role === 'client' || actorRole === 'admin'
}

/** Validated input of {@link createInvitation}. */
export interface NewInvitationInput {
  email: string
  role: UserRole
  /** Required for a client; ignored for staff (they belong to no company). */
  companyId?: string | null
}

export type CreateInvitationResult =
  | { ok: true; invitation: InvitationView }
  | { ok: false; fields: Record<string, string> }

/**
 * Creates an invitation, its `auth.invitation` outbox e-mail (with the accept link built from
 * `origin`) and the `invitation.created` audit entry in one transaction: an e-mail for an invitation
 * that does not exist, or the reverse, never happens. Field errors: a staff role invited by someone
 * who is not an admin, a client without a company, a company out of scope, an email that already has
 * an account or a pending invitation. The link's secret exists in clear only in the outbox row.
 */
export async function createInvitation(
  db: Database,
  scope: Scope,
  actor: { id: string; name: string; role: UserRole },
  input: NewInvitationInput,
  options: { origin: string; now?: Date },
  audit: AuditWriter,
): Promise<CreateInvitationResult> {
  const now = options.now ?? new Date()
  if (!mayInviteAs(actor.role, input.role)) {
    return { ok: false, fields: { role: 'Only an admin can invite team members or admins' } }
  }
  const companyId = input.role === 'client' ? (input.companyId ?? null) : null
  if (input.role === 'client' && !companyId) {
    return { ok: false, fields: { companyId: "Choose the client's company" } }
  }
  if (companyId && !isUuid(companyId))
    return { ok: false, fields: { companyId: 'Choose a company from the list' } }
  return db.transaction(async (tx) => {
    // One statement answers every question the checks need.
    const [found] = await tx.execute<{
      has_account: boolean
      has_pending: boolean
      company_name: string | null
    }>(
      sql`select
        exists (select 1 from ${users} where lower(${users.email}) = lower(${input.email})) as has_account,
        exists (
          select 1 from ${invitations}
          where lower(${invitations.email}) = lower(${input.email})
            and ${invitations.acceptedAt} is null and ${invitations.revokedAt} is null
            and ${invitations.expiresAt} > ${now.toISOString()}::timestamptz
        ) as has_pending,
        (select ${companies.name} from ${companies}
          where ${companies.id} = ${companyId} and ${inScope(scope, companies.id) ?? sql`true`}) as company_name`,
    )
    const fields: Record<string, string> = {}
    if (found?.has_account) fields.email = 'An account with this email already exists'
    else if (found?.has_pending) {
      fields.email = 'This email already has a pending invitation; revoke it to send a new one'
    }
    if (companyId && !found?.company_name) fields.companyId = 'Choose a company from the list'
    if (Object.keys(fields).length > 0) return { ok: false as const, fields }

    const id = randomToken(16)
    const secret = randomToken(32)
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS)
    const [row] = await tx
      .insert(invitations)
      .values({
        id,
        email: input.email,
        role: input.role,
        companyId,
        secretHash: hashSecret(secret),
        invitedById: actor.id,
        createdAt: now,
        expiresAt,
      })
      .returning({ createdAt: invitations.createdAt })
    if (!row) throw new Error('invitations: the insert returned no row')
    await tx.insert(outbox).values({
      kind: INVITATION_EMAIL,
      payload: {
        invitationId: id,
        to: input.email,
        role: input.role,
        companyName: found?.company_name ?? null,
        invitedBy: actor.name,
        acceptUrl: `${options.origin}/invite/${id}.${secret}`,
        expiresAt: expiresAt.toISOString(),
      },
    })
    await audit(
      {
        action: 'invitation.created',
        companyId,
        targetType: 'invitation',
        targetId: id,
        details: { role: input.role },
      },
      tx,
    )
    const invitation: InvitationView = {
      id,
      email: input.email,
      role: input.role,
      companyId,
      companyName: found?.company_name ?? null,
      invitedByName: actor.name,
      createdAt: row.createdAt,
      expiresAt,
      status: 'pending',
    }
    return { ok: true as const, invitation }
  })
}

export type RevokeInvitationResult =
  | { ok: true; invitation: InvitationView }
  | { ok: false; reason: 'not_found' | 'not_open' | 'forbidden'; status?: InvitationStatus }

/**
 * Revokes an invitation that is not yet accepted or revoked (an expired one may be revoked too, which
 * only makes its state explicit), with `invitation.revoked` audited in the same transaction. Only who
 * may create such an invitation may revoke it ({@link mayInviteAs}): a team member's attempt on a
 * staff invitation changes nothing and answers `forbidden`.
 */
export async function revokeInvitation(
  db: Database,
  scope: Scope,
  actor: { role: UserRole },
  id: string,
  audit: AuditWriter,
  now: Date = new Date(),
): Promise<RevokeInvitationResult> {
  if (!/^[a-z2-7]{16,64}$/.test(id)) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx): Promise<RevokeInvitationResult> => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.id, id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          inScope(scope, invitations.companyId),
          // The creation rule, in the statement itself: no read-then-write gap.
          actor.role === 'admin' ? undefined : eq(invitations.role, 'client'),
        ),
      )
      .returning({ companyId: invitations.companyId })
    const [view] = await tx
      .select(viewColumns(now))
      .from(invitations)
      .leftJoin(companies, eq(companies.id, invitations.companyId))
      .leftJoin(inviter, eq(inviter.id, invitations.invitedById))
      .where(and(eq(invitations.id, id), inScope(scope, invitations.companyId)))
    if (!view) return { ok: false, reason: 'not_found' }
    if (!revoked && !mayInviteAs(actor.role, view.role)) return { ok: false, reason: 'forbidden' }
    if (!revoked) return { ok: false, reason: 'not_open', status: view.status }
    await audit(
      { action: 'invitation.revoked', companyId: revoked.companyId, targetType: 'invitation', targetId: id },
      tx,
    )
    return { ok: true, invitation: view }
  })
}

/** An invitation found by its link, for the acceptance page. */
export interface InvitationByToken {
  id: string
  email: string
  role: UserRole
  companyId: string | null
  companyName: string | null
  status: InvitationStatus
}

/**
 * Resolves an invitation link in one statement; null when the token is malformed, unknown or its
 * secret does not match (compared in constant time). Expired, revoked and accepted invitations are
 * returned with that status so the page can say which.
 */
export async function findInvitationByToken(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<InvitationByToken | null> {
  const parsed = parseToken(token)
  if (!parsed) return null
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      companyId: invitations.companyId,
      companyName: companies.name,
      status: statusOf(now),
      secretHash: invitations.secretHash,
    })
    .from(invitations)
    .leftJoin(companies, eq(companies.id, invitations.companyId))
    .where(eq(invitations.id, parsed.id))
  if (!row || !constantTimeEqual(hashSecret(parsed.secret), row.secretHash)) return null
  const { secretHash: _secretHash, ...invitation } = row
  return invitation
}

export type AcceptInvitationResult =
  | { ok: true; user: { id: string; role: UserRole; companyId: string | null } }
  | { ok: false; reason: 'not_found' | 'account_exists' | Exclude<InvitationStatus, 'pending'> }

/**
 * Accepts an invitation: creates the account (the invitation's email, role and company, the given
 * name and password hash), marks the invitation accepted and writes `invitation.accepted`, all in one
 * transaction, so a failure leaves neither a user nor a used invitation. The invitation row is locked
 * first, so two submissions of one link create one account: the second finds it accepted.
 */
export async function acceptInvitation(
  db: Database,
  token: string,
  account: { name: string; passwordHash: string },
  audit: AuditWriter,
  now: Date = new Date(),
): Promise<AcceptInvitationResult> {
  const parsed = parseToken(token)
  if (!parsed) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx): Promise<AcceptInvitationResult> => {
    const [invitation] = await tx
      .select({
        email: invitations.email,
        role: invitations.role,
        companyId: invitations.companyId,
        status: statusOf(now),
        secretHash: invitations.secretHash,
      })
      .from(invitations)
      .where(eq(invitations.id, parsed.id))
      .for('update')
    if (!invitation || !constantTimeEqual(hashSecret(parsed.secret), invitation.secretHash)) {
      return { ok: false, reason: 'not_found' }
    }
    if (invitation.status !== 'pending') return { ok: false, reason: invitation.status }
    // The unique index on lower(email) decides: an account made since the invitation was sent wins.
    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: account.name,
        passwordHash: account.passwordHash,
        role: invitation.role,
        companyId: invitation.companyId,
      })
      .onConflictDoNothing()
      .returning({ id: users.id, role: users.role, companyId: users.companyId })
    if (!user) return { ok: false, reason: 'account_exists' }
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, parsed.id))
    await audit(
      {
        action: 'invitation.accepted',
        actorId: user.id,
        companyId: invitation.companyId,
        targetType: 'invitation',
        targetId: parsed.id,
        details: { role: invitation.role },
      },
      tx,
    )
    return { ok: true, user }
  })
}
