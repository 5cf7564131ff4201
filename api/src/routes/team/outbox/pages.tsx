import type { Context } from 'hono'
import type { OutboxProblem } from '../../../data/outbox.ts'
import type { ListPage } from '../../../data/rows.ts'
import type { AppEnv } from '../../../env.ts'
import type { Flash } from '../../../views/dashboard/flash.ts'
import { DashboardLayout } from '../../../views/dashboard/layout.tsx'
import { Badge, DataTable } from '../../../views/dashboard/parts.tsx'
import { DateTime, Pager } from '../components.tsx'
import { KIND_LABELS } from './schema.ts'

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
      {list.items.length === 0 && list.total !== null ? (
        <p>Every e-mail has been delivered.</p>
      ) : (
        <DataTable
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
      )}
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
          <Badge label={{ text: 'Dead', tone: 'bad' }} />
        ) : (
          <>
            <Badge label={{ text: 'Failing', tone: 'warn' }} />
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
