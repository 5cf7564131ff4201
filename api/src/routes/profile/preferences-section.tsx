import {
  DELIVERY_LABELS,
  KIND_LABELS,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
} from '../../notifications/kinds.ts'
import type { Preferences } from '../../notifications/preferences.ts'

// The profile's notification settings: per kind a radio group (fieldset + legend) of "E-mail each
// time / In a daily digest / Only in the dashboard", all saved by one form post (no JavaScript).
// `#notifications` is where the e-mails' "choose how you hear about it" links land.

/** The form's fields for the error summary: each links to its group's first radio button. */
export const PREFERENCE_FIELDS = {
  order: [...NOTIFICATION_KINDS] as string[],
  ids: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, `profile-${kind}`])) as Record<
    string,
    string
  >,
}

export function NotificationPreferencesSection({
  preferences,
  errors,
  values,
}: {
  preferences: Preferences
  errors: Record<string, string>
  /** What was sent, after a refused save: shown instead of the stored choices. */
  values?: Record<string, string>
}) {
  return (
    <section class="dash-section" aria-labelledby="notifications">
      <h2 id="notifications">Notifications</h2>
      <p>
        Every notification is listed on <a href="/dashboard/notifications">your notifications page</a>. Choose
        which also come by e-mail: each time, gathered in one e-mail a day, or not at all.
      </p>
      <form class="contact-form" method="post" action="/dashboard/profile/notifications">
        {NOTIFICATION_KINDS.map((kind) => {
          const chosen = values ? values[kind] : preferences[kind]
          const error = errors[kind]
          const errorId = `profile-${kind}-error`
          return (
            <fieldset class="choice-group" aria-describedby={error ? errorId : undefined}>
              <legend>{KIND_LABELS[kind]}</legend>
              {error && (
                <p class="field-error" id={errorId}>
                  {error}
                </p>
              )}
              {NOTIFICATION_DELIVERIES.map((delivery, index) => (
                // One per line without a stylesheet rule: a block around each label.
                <div class="choice">
                  <label>
                    <input
                      type="radio"
                      name={kind}
                      value={delivery}
                      id={index === 0 ? `profile-${kind}` : undefined}
                      checked={chosen === delivery}
                      aria-invalid={error ? 'true' : undefined}
                    />{' '}
                    {DELIVERY_LABELS[delivery]}
                  </label>
                </div>
              ))}
            </fieldset>
          )
        })}
        <button class="button" type="submit">
          Save notification settings
        </button>
      </form>
    </section>
  )
}
