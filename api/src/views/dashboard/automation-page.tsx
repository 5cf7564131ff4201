import type { Context } from 'hono'
import type { AutomationDetail } from '../../data/automations.ts'
import type { AppEnv } from '../../env.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import type { Flash } from './flash.ts'
import { FlowDiagram } from './flow-diagram.tsx'
import { FlowEditor, type FlowFailure } from './flow-editor.tsx'
import { AUTOMATION_STATUS, formatDuration, RUN_OUTCOME } from './format.ts'
import { DashboardLayout } from './layout.tsx'
import { RunCharts } from './run-charts.tsx'
import { WebhookSection, type WebhookState } from './webhook-section.tsx'

/** Props of {@link AutomationPage}. */
export interface AutomationPageProps {
  c: Context<AppEnv>
  automation: AutomationDetail
  showCompany: boolean
  flash?: Flash
  /** The run webhook's state, for studio staff only; clients never get the section. */
  webhook?: WebhookState
  /** Studio staff: the link to edit its fields and the flow's editor under the diagram. */
  manage?: boolean
  /** A flow form that was refused, shown with its messages and what was typed. */
  failed?: FlowFailure
}

/**
 * `/dashboard/automations/<id>`: state with pause/resume, the flow as a diagram, the last 30 days as
 * charts and the latest runs; for the studio also the flow's editor and the run webhook. Pause and
 * resume are links to a confirmation page with the POST form, so they work without script.
 */
export function AutomationPage({
  c,
  automation,
  showCompany,
  flash,
  webhook,
  manage = false,
  failed,
}: AutomationPageProps) {
  const base = `/dashboard/automations/${automation.id}`
  return (
    <DashboardLayout c={c} title={automation.title} active="automations" flash={flash}>
      <p>
        <a href="/dashboard/automations">All automations</a>
      </p>
      <dl class="meta">
        {showCompany && (
          <>
            <dt>Company</dt>
            <dd>{automation.companyName}</dd>
          </>
        )}
        <dt>State</dt>
        <dd>
          <Badge {...AUTOMATION_STATUS[automation.status]} />
        </dd>
        <dt>Looked after by</dt>
        <dd>{automation.ownerName ?? 'The studio'}</dd>
        <dt>Last changed</dt>
        <dd>
          <DateTime value={automation.updatedAt} />
        </dd>
      </dl>
      {automation.description && <p class="lede">{automation.description}</p>}
      <div class="actions">
        {automation.status === 'active' && (
          <a class="button button--quiet" href={`${base}/pause`}>
            Pause automation…
          </a>
        )}
        {automation.status === 'paused' && (
          <a class="button" href={`${base}/resume`}>
            Resume automation…
          </a>
        )}
        {automation.status === 'draft' && (
          <p class="muted">This is a draft: the studio publishes it before it can run, pause or resume.</p>
        )}
        {manage && (
          <a class="button button--quiet" href={`${base}/edit`}>
            Edit details
          </a>
        )}
      </div>

      <section class="dash-section" aria-labelledby="flow-heading">
        <h2 id="flow-heading">Flow</h2>
        <FlowDiagram flow={automation.flow} title={automation.title} />
      </section>

      {manage && (
        <FlowEditor
          automationId={automation.id}
          flow={automation.flow}
          version={automation.flowVersion}
          failed={failed}
        />
      )}

      <section class="dash-section" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Run history</h2>
        {automation.stats && <RunCharts stats={automation.stats} />}
        <h3 id="latest-runs-heading">Latest runs</h3>
        <DataTable
          empty="It has not run yet."
          caption={`The latest ${automation.runs.length} ${automation.runs.length === 1 ? 'run' : 'runs'}, newest first`}
          head={
            <>
              <th scope="col">Started</th>
              <th scope="col">Outcome</th>
              <th scope="col" class="num">
                Duration
              </th>
              <th scope="col">Details</th>
            </>
          }
        >
          {automation.runs.map((run) => (
            <tr>
              <th scope="row">
                <DateTime value={run.startedAt} />
              </th>
              <td>
                <Badge {...RUN_OUTCOME[run.outcome]} />
              </td>
              <td class="num">
                {run.outcome === 'running' ? (
                  <span class="muted">Still running</span>
                ) : run.durationMs === null ? (
                  // Reported only at its end, without a start time.
                  <NoValue />
                ) : (
                  formatDuration(run.durationMs)
                )}
              </td>
              <td>{run.message ?? <span class="muted">No details</span>}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      {webhook && (
        <WebhookSection
          automationId={automation.id}
          isDraft={automation.status === 'draft'}
          webhook={webhook}
        />
      )}
    </DashboardLayout>
  )
}
