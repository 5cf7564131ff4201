import { RECOVERY_CODE_COUNT } from '../../auth/recovery-codes.ts'
import type { SecondFactorView } from '../../auth/second-factor.ts'
import { DataTable } from '../../views/kit/data-table.tsx'
import { DateTime } from '../../views/kit/date-time.tsx'
import { PasskeyAdd } from '../../views/second-factor/passkey.tsx'

// The profile's "Two-step sign-in": the authenticator app (on or off, its recovery codes), the
// passkeys, and the ways to add or remove each. Removing anything (and making new recovery codes)
// goes through a page that asks for the password again.

/** Props of {@link SecondFactorSection}. */
export interface SecondFactorSectionProps {
  factors: SecondFactorView
  /** Whether the user's role must keep a second factor. */
  required: boolean
  nonce?: string
  /** The add-a-passkey form after a refusal: its messages and the name typed. */
  passkeyErrors?: Record<string, string>
  passkeyName?: string
}

export function SecondFactorSection({
  factors,
  required,
  nonce,
  passkeyErrors,
  passkeyName,
}: SecondFactorSectionProps) {
  const { totpSince, recoveryCodesLeft, passkeys } = factors
  return (
    <section class="dash-section" aria-labelledby="second-factor">
      <h2 id="second-factor">Two-step sign-in</h2>
      <p>
        {required
          ? 'Your role signs in with a second step after the password: a code from an authenticator app, or a passkey. You must keep at least one.'
          : 'A second step after the password keeps your account safe even if the password leaks: a code from an authenticator app, or a passkey.'}
      </p>

      <h3>Authenticator app</h3>
      {totpSince ? (
        <>
          <p>
            <span class="badge badge--good">On</span> since <DateTime value={totpSince} />.{' '}
            {recoveryCodesLeft} of {RECOVERY_CODE_COUNT} recovery codes left.
          </p>
          <p class="actions">
            <a href="/dashboard/profile/recovery-codes/new">Make new recovery codes</a>
            <a href="/dashboard/profile/totp/remove">Turn off the authenticator app</a>
          </p>
        </>
      ) : (
        <>
          <p>
            <span class="badge">Off</span>
          </p>
          <p>
            <a class="button button--quiet" href="/dashboard/profile/totp">
              Set up an authenticator app
            </a>
          </p>
        </>
      )}

      <h3>Passkeys</h3>
      <p>
        A passkey signs you in with your device’s fingerprint, face or PIN instead of a password and code.
      </p>
      <DataTable
        caption={passkeys.length === 1 ? 'One passkey' : `${passkeys.length} passkeys`}
        empty="No passkeys yet."
        head={
          <>
            <th scope="col">Name</th>
            <th scope="col">Added</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </>
        }
      >
        {passkeys.map((passkey) => (
          <tr>
            <th scope="row">{passkey.name}</th>
            <td>
              <DateTime value={passkey.createdAt} />
            </td>
            <td>
              <DateTime value={passkey.lastUsedAt} empty="Never" />
            </td>
            <td>
              <a href={`/dashboard/profile/passkeys/${encodeURIComponent(passkey.id)}/remove`}>
                Remove<span class="visually-hidden"> the passkey {passkey.name}</span>
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
      <PasskeyAdd nonce={nonce} name={passkeyName} errors={passkeyErrors} />
    </section>
  )
}
