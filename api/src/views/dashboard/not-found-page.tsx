import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { DashboardLayout } from './layout.tsx'

/** Props of {@link NotFoundPage}. */
export interface NotFoundPageProps {
  c: Context<AppEnv>
  /** The page's heading; the default says nothing about whether the thing exists elsewhere. */
  title?: string
  /** What the reader should know (e.g. a file not uploaded yet). */
  message?: string
}

/**
 * The dashboard's 404: the same words for "does not exist" and "belongs to another company", so a
 * guessed id teaches nothing.
 */
export function NotFoundPage({ c, title = 'Not found', message }: NotFoundPageProps) {
  return (
    <DashboardLayout c={c} title={title}>
      <p>{message ?? 'There is nothing here, or it is not part of your account.'}</p>
      <p>
        <a href="/dashboard">Back to the overview</a>
      </p>
    </DashboardLayout>
  )
}
