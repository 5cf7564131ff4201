import { ErrorSummary } from '../kit/error-summary.tsx'
import { TextField } from '../kit/field.tsx'

// The passkey forms. The ceremony itself (`navigator.credentials.create/get`) needs script, so both
// forms start `hidden` and the small inline script below (under the page's CSP nonce) shows them
// only where the browser has WebAuthn; without script a page has no passkey button, and the profile
// says why. The script asks the Worker for options (a JSON POST that stores a one-time challenge),
// runs the browser's dialog, puts the answer in the form's hidden `response` field and submits the
// form: the Worker verifies it and answers like any form post (a redirect, or the page with a message).

/** Longest passkey name accepted. */
export const PASSKEY_NAME_MAX = 60

/**
 * The browser side of both ceremonies, about 2 KB. Base64url is converted by hand (the JSON helpers
 * of `PublicKeyCredential` are not in every browser yet).
 */
export const PASSKEY_SCRIPT = `(() => {
  if (!window.PublicKeyCredential || !navigator.credentials) return
  const toBytes = (text) => {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/')
    return Uint8Array.from(atob(b64 + '==='.slice((b64.length + 3) % 4)), (ch) => ch.charCodeAt(0))
  }
  const toText = (buffer) => {
    let binary = ''
    for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte)
    return btoa(binary).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '')
  }
  const withIds = (list) => (list || []).map((item) => ({ ...item, id: toBytes(item.id) }))
  for (const box of document.querySelectorAll('[data-passkey-box]')) box.hidden = false
  for (const note of document.querySelectorAll('[data-passkey-nojs]')) note.hidden = true
  for (const form of document.querySelectorAll('form[data-passkey]')) {
    const message = form.querySelector('[data-passkey-message]')
    const button = form.querySelector('button[type=submit]')
    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      message.textContent = ''
      button.disabled = true
      try {
        const answer = await fetch(form.dataset.options, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: '{}',
        })
        const options = await answer.json()
        if (!answer.ok) throw new Error(options.error ? options.error.message : 'The server did not answer')
        options.challenge = toBytes(options.challenge)
        let credential
        let response
        if (form.dataset.passkey === 'register') {
          options.user.id = toBytes(options.user.id)
          options.excludeCredentials = withIds(options.excludeCredentials)
          credential = await navigator.credentials.create({ publicKey: options })
          const r = credential.response
          response = {
            clientDataJSON: toText(r.clientDataJSON),
            attestationObject: toText(r.attestationObject),
            transports: r.getTransports ? r.getTransports() : [],
          }
        } else {
          options.allowCredentials = withIds(options.allowCredentials)
          credential = await navigator.credentials.get({ publicKey: options })
          const r = credential.response
          response = {
            clientDataJSON: toText(r.clientDataJSON),
            authenticatorData: toText(r.authenticatorData),
            signature: toText(r.signature),
            userHandle: r.userHandle ? toText(r.userHandle) : undefined,
          }
        }
        form.elements.namedItem('response').value = JSON.stringify({
          id: credential.id,
          rawId: toText(credential.rawId),
          type: credential.type,
          response,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment || undefined,
        })
        form.submit()
      } catch (error) {
        button.disabled = false
        message.textContent =
          error && error.name === 'NotAllowedError'
            ? 'No passkey was used (the dialog was closed or timed out). Try again when you are ready.'
            : 'The passkey did not work: ' + (error && error.message ? error.message : 'unknown error') + '.'
      }
    })
  }
})()`

/** The inline script, once per page that shows a passkey form. */
export function PasskeyScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PASSKEY_SCRIPT }} />
}

/** "Sign in with a passkey": on the sign-in page, and on the second step for accounts with a passkey. */
export function PasskeySignIn({
  next,
  nonce,
  heading,
}: {
  next?: string | null
  nonce?: string
  heading: string
}) {
  return (
    <>
      <div class="passkey-box" data-passkey-box="" hidden>
        <h2 id="passkey-heading">{heading}</h2>
        <form
          method="post"
          action="/login/passkey"
          aria-labelledby="passkey-heading"
          data-passkey="sign-in"
          data-options="/login/passkey/options"
        >
          {next && <input type="hidden" name="next" value={next} />}
          <input type="hidden" name="response" value="" />
          <button class="button button--quiet" type="submit">
            Sign in with a passkey
          </button>
          <p class="passkey-message" role="status" data-passkey-message=""></p>
        </form>
      </div>
      <PasskeyScript nonce={nonce} />
    </>
  )
}

/** Props of {@link PasskeyAdd}. */
export interface PasskeyAddProps {
  nonce?: string
  /** The name as typed, after a refused attempt. */
  name?: string
  errors?: Record<string, string>
}

/** "Add a passkey" on the profile: a name, then the browser's dialog. */
export function PasskeyAdd({ nonce, name = '', errors = {} }: PasskeyAddProps) {
  return (
    <>
      <div data-passkey-box="" hidden>
        <ErrorSummary form="passkey" errors={errors} order={['name']} />
        <form
          class="contact-form"
          method="post"
          action="/dashboard/profile/passkeys"
          data-passkey="register"
          data-options="/dashboard/profile/passkeys/options"
        >
          <TextField
            form="passkey"
            name="name"
            label="Name for a new passkey"
            hint="So you can tell your passkeys apart, such as “Laptop” or “Phone”."
            autocomplete="off"
            value={name}
            error={errors.name}
            maxlength={PASSKEY_NAME_MAX}
          />
          <input type="hidden" name="response" value="" />
          <button class="button" type="submit">
            Add a passkey
          </button>
          <p class="passkey-message" role="status" data-passkey-message=""></p>
        </form>
      </div>
      <p data-passkey-nojs="">
        Adding a passkey opens your browser’s own passkey dialog, which needs JavaScript and a browser that
        supports passkeys. Everything else on this page works without it.
      </p>
      <PasskeyScript nonce={nonce} />
    </>
  )
}
