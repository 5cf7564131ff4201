import { setTimeout as sleep } from 'node:timers/promises'
import postgres from 'postgres'
import { createDatabaseIfMissing, dropDatabase, withDatabase } from './database.ts'

/** Creates the test run's database on the server behind `serverUrl`; returns its URL. */
export async function createRunDatabase(serverUrl: string, name: string): Promise<string> {
  await createDatabaseIfMissing(serverUrl, name)
  return withDatabase(serverUrl, name)
}

/**
 * Creates `name` as a copy of the migrated `template` (`CREATE DATABASE … TEMPLATE`: a file copy,
 * well under a second, where migrating again would take about ten). PostgreSQL refuses while anyone
 * is still connected to the template, e.g. a migration's pool that is closing, so that is retried.
 */
export async function cloneDatabase(serverUrl: string, template: string, name: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await sql.unsafe(`create database ${quote(name)} template ${quote(template)}`)
        return
      } catch (error) {
        const busy = error instanceof Error && /being accessed by other users/.test(error.message)
        if (!busy || attempt >= 20) throw error
        await sleep(250)
      }
    }
  } finally {
    await sql.end()
  }
}

/** Drops the run's databases (copies first, then their template), ending any session left on them. */
export async function dropRunDatabases(serverUrl: string, names: string[]): Promise<void> {
  for (const name of [...names].reverse()) await dropDatabase(serverUrl, name)
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`
