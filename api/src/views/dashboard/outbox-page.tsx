import type { Context } from 'hono'
import type { OutboxProblem } from '../../data/outbox.ts'
import type { ListPage } from '../../data/rows.ts'
import type { AppEnv } from '../../env.ts'
import { KIND_LABELS } from '../../routes/team/outbox/schema.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { Pager } from '../kit/pager.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'

/**
 * `/dashboard/outbox` (admins): e-mail that has not arrived. Dead messages (the job gave up) first,
 * then failing ones (retries pending), each with the last error and a Retry button (a POST form).
 */
export function OutboxPage({
  c,
  list,
  flash,
}: {
  c: Context<AppEnv>
  list: ListPage<OutboxProblem>
  flash?: Flash
}) {
  return (
    <DashboardLayout c={c} title="Undelivered e-mail" active="outbox" flash={flash}>
      <p class="muted">
        E-mail is retried with growing pauses and given up ("dead") after the last attempt. Retry sends it
        again within a minute; fix the cause (the mail settings, the address) first.
      </p>
      <DataTable
        // Past the end of the list the pager says so; no empty message then.
        empty={list.total === null ? undefined : 'Every e-mail has been delivered.'}
        caption={<>Dead, then failing, newest first{list.total !== null && ` (${list.total})`}</>}
        head={
          <>
            <th scope="col">E-mail</th>
            <th scope="col">To</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Written</th>
            <th scope="col">Action</th>
          </>
        }
      >
        {list.items.map((message) => (
          <OutboxRow message={message} />
        ))}
      </DataTable>
      <Pager
        label="Undelivered e-mail pages"
        path="/dashboard/outbox"
        query={{}}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </DashboardLayout>
  )
}

function OutboxRow({ message }: { message: OutboxProblem }) {
  const label = KIND_LABELS[message.kind] ?? message.kind
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{message.recipient ?? <span class="muted">The studio</span>}</td>
      <td>
        {message.state === 'dead' ? (
          <Badge text="Dead" tone="bad" />
        ) : (
          <>
            <Badge text="Failing" tone="warn" />
            {message.nextAttemptAt && (
              <>
                {' '}
                next try <DateTime value={message.nextAttemptAt} />
              </>
            )}
          </>
        )}
      </td>
      <td>{message.attempts}</td>
      <td>{message.lastError ?? <span class="muted">None</span>}</td>
      <td>
        <DateTime value={message.createdAt} />
      </td>
      <td>
        <form method="post" action={`/dashboard/outbox/${message.id}/retry`}>
          <button class="button button--quiet" type="submit">
            Retry
            <span class="visually-hidden">{` the ${label.toLowerCase()} written ${message.createdAt.toISOString()}`}</span>
          </button>
        </form>
      </td>
    </tr>
  )
}
