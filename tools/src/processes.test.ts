import { describe, expect, it } from 'vitest'
import { runStep, startService } from './processes.ts'

describe('startService', () => {
  it('ends a command that cannot be started with its reason as its last line, not a crash', async () => {
    const service = startService({
      name: 'gone',
      command: 'kairo-no-such-command',
      args: [],
      cwd: process.cwd(),
      quiet: true,
    })
    expect(await service.exited).not.toBe(0)
    expect(service.tail()).toBe('could not start kairo-no-such-command: spawn kairo-no-such-command ENOENT')
  })

  it('fails a step that cannot be started with one error that says why', async () => {
    await expect(
      runStep({
        name: 'gone',
        what: 'the step',
        command: 'kairo-no-such-command',
        args: [],
        cwd: '.',
        quiet: true,
      }),
    ).rejects.toThrow(
      /^the step failed \(could not be started\)\ncould not start kairo-no-such-command: spawn/,
    )
  })

  it('prefixes and keeps the last lines of a command that runs, and reports its exit code', async () => {
    const service = startService({
      name: 'echo',
      command: process.execPath,
      args: ['-e', 'console.log("one"); console.error("two"); process.exit(3)'],
      cwd: process.cwd(),
      quiet: true,
      endsByItself: true,
    })
    expect(await service.exited).toBe(3)
    expect(service.tail().split('\n').sort()).toEqual(['one', 'two'])
  })
})
