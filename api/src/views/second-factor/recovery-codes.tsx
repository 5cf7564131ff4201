// The recovery codes, the one time they exist in clear: a page rendered by the POST that made them
// (never a redirect, a cookie or a URL), served `no-store`.

export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <>
      <p>
        <strong>These codes are shown only now.</strong> If you cannot use your authenticator app, each code
        signs you in once instead of a code from the app. Save them in your password manager or print them,
        and keep them apart from your phone.
      </p>
      <ol class="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li>
            <code class="copyable">{code}</code>
          </li>
        ))}
      </ol>
    </>
  )
}
