import { WorkerMailer } from 'worker-mailer'

/**
 * worker-mailer 1.2.1 reads server replies in a loop that ignores the end of the stream
 * (`const { value } = await reader.read(); if (!value) continue`): when a server hangs up in the
 * middle of a conversation (after its greeting, on shutdown, on an idle timeout) the loop spins on
 * resolved promises forever. Its timeout never fires (timers need the loop to yield), the isolate
 * burns CPU, and the run never records the attempt's outcome (seen here with a server that greets and
 * closes: the scheduled run hung). This replaces that one private method with the same logic plus
 * the missing check, so a hang-up fails the attempt like any other error. Tested by
 * tools/test/mail-outage.test.ts, which hangs up on the Worker.
 *
 * Note: a patch of a private method; re-check it (or drop it) when upgrading worker-mailer.
 */
export function installWorkerMailerFix(): void {
  const prototype = WorkerMailer.prototype as unknown as {
    read: (this: { reader: ReadableStreamDefaultReader<Uint8Array> }) => Promise<string>
  }
  if (typeof prototype.read !== 'function') {
    throw new Error('worker-mailer changed: its private read() is gone; review src/mail/worker-mailer-fix.ts')
  }
  prototype.read = async function read() {
    const decoder = new TextDecoder()
    let response = ''
    for (;;) {
      const { value, done } = await this.reader.read()
      if (done) throw new Error('the SMTP server closed the connection')
      if (!value) continue
      response += decoder.decode(value, { stream: true })
      if (!response.endsWith('\n')) continue
      const lines = response.split(/\r?\n/)
      // A multi-line reply continues while its lines read `250-…`; the last one reads `250 …`.
      if (!/^\d+-/.test(lines[lines.length - 2] ?? '')) return response
    }
  }
}
