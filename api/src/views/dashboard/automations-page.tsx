import type { Context } from 'hono'
import type { AutomationSummary } from '../../data/automations.ts'
import type { AppEnv } from '../../env.ts'
import type { Flash } from './flash.ts'
import { AUTOMATION_STATUS, formatDuration, RUN_OUTCOME } from './format.ts'
import { DashboardLayout } from './layout.tsx'
import { Badge, DataTable, DateText, NoValue } from './parts.tsx'

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
      {automations.length === 0 ? (
        <p class="empty">No automations yet.</p>
      ) : (
        <DataTable
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
                <Badge label={AUTOMATION_STATUS[automation.status]} />
              </td>
              <td>
                <DateText date={automation.lastRun?.startedAt ?? null} time empty="Never run" />
              </td>
              <td>
                {automation.lastRun ? <Badge label={RUN_OUTCOME[automation.lastRun.outcome]} /> : <NoValue />}
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
      )}
    </DashboardLayout>
  )
}
