import { describe, expect, it } from 'vitest'
import { networkOf, UNKNOWN_NETWORK } from './client-network.ts'

describe('networkOf', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(networkOf('198.51.100.7')).toBe('198.51.100.7')
    expect(networkOf(' 203.0.113.250 ')).toBe('203.0.113.250')
  })

  it('groups every address of one IPv6 /64, however it is written', () => {
    const group = '2001:db8:a:b::/64'
    for (const address of [
      '2001:db8:a:b::1',
      '2001:0DB8:000A:000B:ffff:ffff:ffff:fffe',
      '2001:db8:a:b:1234:5678:9abc:def0',
      '2001:db8:a:b:0:0:0:0',
      'fe80::1%eth0'.replace('fe80::1', '2001:db8:a:b::2'),
    ]) {
      expect(networkOf(address), address).toBe(group)
    }
    expect(networkOf('2001:db8:a:c::1')).toBe('2001:db8:a:c::/64')
    expect(networkOf('::1')).toBe('0:0:0:0::/64')
    expect(networkOf('2001:db8::')).toBe('2001:db8:0:0::/64')
  })

  it('reads an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(networkOf('::ffff:198.51.100.7')).toBe('198.51.100.7')
    expect(networkOf('::FFFF:c633:6407')).toBe('198.51.100.7')
    expect(networkOf('0:0:0:0:0:ffff:198.51.100.7')).toBe('198.51.100.7')
  })

  it('puts anything unreadable under one shared key', () => {
    for (const junk of [
      '',
      'localhost',
      '256.1.1.1',
      '1.2.3',
      '2001:db8::1::2',
      '1:2:3:4:5:6:7:8:9',
      'g::1',
    ]) {
      expect(networkOf(junk), junk).toBe(UNKNOWN_NETWORK)
    }
  })
})
