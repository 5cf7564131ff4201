import postgres from 'postgres'

/** DATABASE_URL, or a test failure that says how to set it. */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: point it at a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres',
    )
  }
  return url
}

/**
 * Creates a fresh, uniquely named database on DATABASE_URL's server so the test owns every row in
 * it, and returns its URL and a function that drops it.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = requireDatabaseUrl()
  const name = `kairo_db_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const drop = async () => {
    const sql = postgres(serverUrl, { max: 1, onnotice: () => {} })
    try {
      await sql.unsafe(`drop database if exists "${name}" with (force)`)
    } finally {
      await sql.end()
    }
  }
  return { url: url.toString(), drop }
}
