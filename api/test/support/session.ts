import { env } from 'cloudflare:workers'
import { companies, createDb, type UserRole, users } from '@kairo/db'
import { inArray } from 'drizzle-orm'
import { SESSION_COOKIE } from '../../src/auth/cookie.ts'
import { hashPassword } from '../../src/auth/password.ts'
import { createSession } from '../../src/auth/session.ts'

// Fixtures for tests that need signed-in users: a company and users under a unique per-run domain,
// sessions made through the real session module, and one cleanup that removes all of it (sessions,
// projects and automations go with their user and company through ON DELETE CASCADE).

/** A test database client (inside workerd), closed by {@link Fixtures.cleanup}. */
export function testDb() {
  return createDb(env.HYPERDRIVE.connectionString, { max: 2 })
}

export interface TestUser {
  id: string
  email: string
  role: UserRole
  companyId: string | null
  /** Set only when the user was created with a password (hashing costs about a second). */
  password?: string
}

export class Fixtures {
  readonly run = crypto.randomUUID().slice(0, 8)
  readonly client = testDb()
  private readonly companyIds: string[] = []
  private readonly userIds: string[] = []

  get db() {
    return this.client.db
  }

  async company(name = 'Test Co'): Promise<string> {
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${this.run}-${this.companyIds.length}`
    const [row] = await this.db.insert(companies).values({ name, slug }).returning({ id: companies.id })
    if (!row) throw new Error('fixture: company not created')
    this.companyIds.push(row.id)
    return row.id
  }

  async user(
    role: UserRole,
    companyId: string | null,
    options: { password?: string; name?: string } = {},
  ): Promise<TestUser> {
    const email = `${role}-${this.userIds.length}@run-${this.run}.example`
    // Users that never sign in with a password get a hash nothing verifies against, cheaply.
    const passwordHash = options.password ? await hashPassword(options.password) : '$unusable$'
    const [row] = await this.db
      .insert(users)
      .values({ email, name: options.name ?? `Test ${role}`, role, companyId, passwordHash })
      .returning({ id: users.id })
    if (!row) throw new Error('fixture: user not created')
    this.userIds.push(row.id)
    return { id: row.id, email, role, companyId, password: options.password }
  }

  /** A `Cookie` header value for a new session of `userId`. */
  async cookie(userId: string, now?: Date): Promise<string> {
    const { token } = await createSession(this.db, userId, {}, now)
    return `${SESSION_COOKIE}=${token}`
  }

  async cleanup(): Promise<void> {
    if (this.userIds.length > 0) await this.db.delete(users).where(inArray(users.id, this.userIds))
    if (this.companyIds.length > 0)
      await this.db.delete(companies).where(inArray(companies.id, this.companyIds))
    await this.client.close()
  }
}
