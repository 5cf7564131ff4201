import type { Context } from 'hono'
import type { AutomationDetail, StateChange } from '../../data/automations.ts'
import type { AppEnv } from '../../env.ts'
import { Badge } from '../kit/badge.tsx'
import { AUTOMATION_STATUS } from './format.ts'
import { DashboardLayout } from './layout.tsx'

/** Props of {@link AutomationStatePage}. */
export interface AutomationStatePageProps {
  c: Context<AppEnv>
  automation: Pick<AutomationDetail, 'id' | 'title' | 'status'>
  change: StateChange
}

const WORDS = {
  pause: {
    title: 'Pause',
    from: 'active',
    explain:
      'While paused it does not run; nothing that already ran is undone. You can resume it at any time.',
    button: 'Yes, pause it',
  },
  resume: {
    title: 'Resume',
    from: 'paused',
    explain: 'It runs again from its next trigger; what happened while it was paused is not replayed.',
    button: 'Yes, resume it',
  },
} as const

/**
 * The confirmation step of pause/resume without JavaScript: `GET …/pause` shows what will happen and
 * a POST form; the POST does it. When the automation is not in the state the change starts from, the
 * page says why instead of offering the form.
 */
export function AutomationStatePage({ c, automation, change }: AutomationStatePageProps) {
  const words = WORDS[change]
  const back = `/dashboard/automations/${automation.id}`
  const possible = automation.status === words.from
  return (
    <DashboardLayout c={c} title={`${words.title} “${automation.title}”?`} active="automations">
      <p>
        Current state: <Badge {...AUTOMATION_STATUS[automation.status]} />
      </p>
      {possible ? (
        <>
          <p>{words.explain}</p>
          <form method="post" action={`${back}/${change}`} class="actions">
            <button class="button" type="submit">
              {words.button}
            </button>
            <a href={back}>Cancel, keep it {AUTOMATION_STATUS[automation.status].text.toLowerCase()}</a>
          </form>
        </>
      ) : (
        <>
          <p>{stateMessage(automation.title, automation.status, change)}</p>
          <p>
            <a href={back}>Back to the automation</a>
          </p>
        </>
      )}
    </DashboardLayout>
  )
}

/** Why a change did nothing, in words (the flash after a POST and the confirmation page share it). */
export function stateMessage(title: string, status: AutomationDetail['status'], change: StateChange): string {
  if (status === 'draft') {
    return `“${title}” is a draft: the studio publishes it before it can be paused or resumed.`
  }
  if (change === 'pause' && status === 'paused') return `“${title}” is already paused; nothing changed.`
  if (change === 'resume' && status === 'active') return `“${title}” is already running; nothing changed.`
  return `“${title}” cannot be ${change === 'pause' ? 'paused' : 'resumed'} now.`
}
