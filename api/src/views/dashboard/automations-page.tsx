import type { Context } from 'hono'
import type { AutomationSummary } from '../../data/automations.ts'
import type { AppEnv } from '../../env.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import type { Flash } from './flash.ts'
import { AUTOMATION_STATUS, formatDuration, RUN_OUTCOME } from './format.ts'
import { DashboardLayout } from './layout.tsx'

/** Props of {@link AutomationsPage}. */
export interface AutomationsPageProps {
  c: Context<AppEnv>
  automations: AutomationSummary[]
  showCompany: boolean
  flash?: Flash
}

/** `/dashboard/automations`: every automation in scope with its state and latest run. */
export function AutomationsPage({ c, automations, showCompany, flash }: AutomationsPageProps) {
  return (
    <DashboardLayout c={c} title="Automations" active="automations" flash={flash}>
      <DataTable
        empty="No automations yet."
        caption={`${automations.length} ${automations.length === 1 ? 'automation' : 'automations'}, running ones first`}
        head={
          <>
            <th scope="col">Automation</th>
            {showCompany && <th scope="col">Company</th>}
            <th scope="col">State</th>
            <th scope="col">Last run</th>
            <th scope="col">Outcome</th>
            <th scope="col" class="num">
              Duration
            </th>
          </>
        }
      >
        {automations.map((automation) => (
          <tr>
            <th scope="row">
              <a href={`/dashboard/automations/${automation.id}`}>{automation.title}</a>
              {automation.description && (
                <>
                  <br />
                  <span class="muted">{automation.description}</span>
                </>
              )}
            </th>
            {showCompany && <td>{automation.companyName}</td>}
            <td>
              <Badge {...AUTOMATION_STATUS[automation.status]} />
            </td>
            <td>
              <DateTime value={automation.lastRun?.startedAt ?? null} empty="Never run" />
            </td>
            <td>
              {automation.lastRun ? <Badge {...RUN_OUTCOME[automation.lastRun.outcome]} /> : <NoValue />}
            </td>
            <td class="num">
              {automation.lastRun?.durationMs != null ? (
                formatDuration(automation.lastRun.durationMs)
              ) : (
                <NoValue />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </DashboardLayout>
  )
}
