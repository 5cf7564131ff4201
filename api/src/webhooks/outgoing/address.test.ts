import { describe, expect, it } from 'vitest'
import { type AddressProblem, webhookUrlProblem } from './address.ts'

// The receiver address rules, as the URL parser hands addresses to them: every notation of a
// non-public IPv4 address (decimal, hex, octal, short forms), IPv6 forms that embed one, and the
// well-known local names.

const cases: Array<[string, AddressProblem | null]> = [
  ['https://hooks.example.com/kairo?token=abc', null],
  ['https://93.184.216.34/hook', null],
  ['https://[2606:4700:4700::1111]/hook', null],
  ['https://[::ffff:93.184.216.34]/', null],
  ['https://[2002:5db8:d822::1]/', null], // 6to4 of 93.184.216.34
  ['https://hooks.example.com.:8443/', null],
  ['http://hooks.example.com/', 'scheme'],
  ['ftp://hooks.example.com/', 'scheme'],
  ['hooks.example.com/kairo', 'invalid'],
  ['https://user:pw@hooks.example.com/', 'credentials'],
  ['https://127.0.0.1/', 'private_address'],
  ['https://127.1/', 'private_address'],
  ['https://2130706433/', 'private_address'],
  ['https://0x7f.0.0.1/', 'private_address'],
  ['https://0x7f000001/', 'private_address'],
  ['https://017700000001/', 'private_address'],
  ['https://0177.0.0.1/', 'private_address'],
  ['https://0/', 'private_address'],
  ['https://10.1.2.3/', 'private_address'],
  ['https://172.31.255.255/', 'private_address'],
  ['https://192.168.0.1/', 'private_address'],
  ['https://100.127.255.254/', 'private_address'],
  ['https://169.254.169.254/', 'private_address'],
  ['https://192.0.0.192/', 'private_address'],
  ['https://198.18.0.1/', 'private_address'],
  ['https://224.0.0.1/', 'private_address'],
  ['https://255.255.255.255/', 'private_address'],
  ['https://[::1]/', 'private_address'],
  ['https://[::]/', 'private_address'],
  ['https://[0:0:0:0:0:0:0:1]/', 'private_address'],
  ['https://[::ffff:127.0.0.1]/', 'private_address'],
  ['https://[::ffff:7f00:1]/', 'private_address'],
  ['https://[::ffff:169.254.169.254]/', 'private_address'],
  ['https://[::127.0.0.1]/', 'private_address'],
  ['https://[64:ff9b::10.0.0.1]/', 'private_address'],
  ['https://[2002:a00:1::]/', 'private_address'], // 6to4 of 10.0.0.1
  ['https://[fc00::1]/', 'private_address'],
  ['https://[fd12:3456:789a::1]/', 'private_address'],
  ['https://[fd00:ec2::254]/', 'private_address'],
  ['https://[fe80::1%25eth0]/', 'invalid'],
  ['https://[fe80::1]/', 'private_address'],
  ['https://[fec0::1]/', 'private_address'],
  ['https://[ff02::1]/', 'private_address'],
  ['https://[2001:db8::1]/', 'private_address'],
  ['https://localhost/', 'private_name'],
  ['https://LOCALHOST./', 'private_name'],
  ['https://api.localhost/', 'private_name'],
  ['https://metadata.google.internal/', 'private_name'],
  ['https://printer.local/', 'private_name'],
  ['https://nas.home.arpa/', 'private_name'],
  ['https://metadata/', 'private_name'],
]

describe('webhookUrlProblem in production', () => {
  it.each(cases)('%s → %s', (url, problem) => {
    expect(webhookUrlProblem(url, true)).toBe(problem)
  })
})

describe('webhookUrlProblem in development', () => {
  it('allows http and local receivers, but still wants a URL without credentials', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', false)).toBeNull()
    expect(webhookUrlProblem('http://localhost:3000/hook', false)).toBeNull()
    expect(webhookUrlProblem('https://user:pw@127.0.0.1/', false)).toBe('credentials')
    expect(webhookUrlProblem('ftp://127.0.0.1/', false)).toBe('scheme')
    expect(webhookUrlProblem('not a url', false)).toBe('invalid')
  })
})
