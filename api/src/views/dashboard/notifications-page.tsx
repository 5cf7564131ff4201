import type { Context } from 'hono'
import type { ListPage } from '../../data/rows.ts'
import type { AppEnv } from '../../env.ts'
import type { NotificationItem } from '../../notifications/list.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime, formatDateTime } from '../kit/date-time.tsx'
import { Pager } from '../kit/pager.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'

/**
 * `/dashboard/notifications`: the signed-in user's notifications, newest first. Each title links
 * through `/open`, which marks it read on the way; unread ones say "Unread" in words and have a
 * "Mark read" button; "Mark all as read" is a form of its own. Every action is a plain form post.
 */
export function NotificationsPage({
  c,
  list,
  flash,
}: {
  c: Context<AppEnv>
  list: ListPage<NotificationItem>
  flash?: Flash
}) {
  const unread = c.var.auth?.unreadNotifications ?? list.items.filter((n) => !n.readAt).length
  return (
    <DashboardLayout c={c} title="Notifications" active="notifications" flash={flash}>
      <p class="muted">
        {unread === 0
          ? 'Everything is read.'
          : unread === 1
            ? 'One unread notification.'
            : `${unread} unread notifications.`}{' '}
        Choose which ones also come by e-mail on <a href="/dashboard/profile#notifications">your profile</a>.
      </p>
      {unread > 0 && (
        <form class="actions" method="post" action="/dashboard/notifications/read-all">
          <button class="button button--quiet" type="submit">
            Mark all as read
          </button>
        </form>
      )}
      <DataTable
        empty={list.total === null ? undefined : 'No notifications yet.'}
        caption={<>Newest first{list.total !== null && ` (${list.total})`}</>}
        head={
          <>
            <th scope="col">Notification</th>
            <th scope="col">State</th>
            <th scope="col">When</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </>
        }
      >
        {list.items.map((item) => (
          <NotificationRow item={item} page={list.page} />
        ))}
      </DataTable>
      <Pager
        label="Notification pages"
        path="/dashboard/notifications"
        query={{}}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </DashboardLayout>
  )
}

function NotificationRow({ item, page }: { item: NotificationItem; page: number }) {
  return (
    <tr>
      <th scope="row">
        <a href={`/dashboard/notifications/${item.id}/open`}>{item.title}</a>
      </th>
      <td>{item.readAt ? <Badge text="Read" tone="neutral" /> : <Badge text="Unread" tone="active" />}</td>
      <td>
        <DateTime value={item.createdAt} />
      </td>
      <td>
        {!item.readAt && (
          <form method="post" action={`/dashboard/notifications/${item.id}/read`}>
            {page > 1 && <input type="hidden" name="page" value={String(page)} />}
            <button class="link-button" type="submit">
              Mark read
              <span class="visually-hidden">{`: ${item.title}, ${formatDateTime(item.createdAt)}`}</span>
            </button>
          </form>
        )}
      </td>
    </tr>
  )
}
