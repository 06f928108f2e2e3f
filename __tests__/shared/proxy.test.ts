import { describe, expect, test } from '@jest/globals'
import { hidePassword, proxyFor, proxyRules, proxySecrets } from '../../src/shared/proxy.js'

const PROXY = 'http://proxy.corp:3128'
const basic = (userPassword: string) => `Basic ${Buffer.from(userPassword).toString('base64')}`

/** Which proxy (by origin and variable) `url` goes through under `env`, or 'direct'. */
function decide(env: NodeJS.ProcessEnv, url: string): string {
  const proxy = proxyFor(proxyRules(env), new URL(url))
  return proxy ? `${proxy.origin} from ${proxy.variable}` : 'direct'
}

describe('which variable names the proxy', () => {
  test.each<[string, NodeJS.ProcessEnv, string, string]>([
    ['none set', {}, 'https://ghcr.io/v2/', 'direct'],
    [
      'HTTPS_PROXY for https',
      { HTTPS_PROXY: PROXY },
      'https://ghcr.io/v2/',
      `${PROXY} from HTTPS_PROXY`
    ],
    [
      'https_proxy for https',
      { https_proxy: PROXY },
      'https://ghcr.io/v2/',
      `${PROXY} from https_proxy`
    ],
    [
      'lowercase wins when both are set',
      { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' },
      'https://ghcr.io/v2/',
      'http://lower:2 from https_proxy'
    ],
    [
      'an empty lowercase one counts as unset',
      { HTTPS_PROXY: 'http://upper:1', https_proxy: '' },
      'https://ghcr.io/v2/',
      'http://upper:1 from HTTPS_PROXY'
    ],
    [
      'HTTPS_PROXY is not used for http',
      { HTTPS_PROXY: PROXY },
      'http://registry.lan/v2/',
      'direct'
    ],
    [
      'HTTP_PROXY for http',
      { HTTP_PROXY: PROXY },
      'http://registry.lan/v2/',
      `${PROXY} from HTTP_PROXY`
    ],
    [
      'http_proxy wins over HTTP_PROXY',
      { HTTP_PROXY: 'http://upper:1', http_proxy: 'http://lower:2' },
      'http://registry.lan/v2/',
      'http://lower:2 from http_proxy'
    ],
    ['HTTP_PROXY is not used for https', { HTTP_PROXY: PROXY }, 'https://ghcr.io/v2/', 'direct'],
    [
      'a bare host:port is an http proxy',
      { HTTPS_PROXY: 'proxy.corp:3128' },
      'https://ghcr.io/',
      `${PROXY} from HTTPS_PROXY`
    ],
    [
      'no port: the scheme default',
      { HTTPS_PROXY: 'http://proxy.corp' },
      'https://ghcr.io/',
      'http://proxy.corp from HTTPS_PROXY'
    ],
    [
      'an https proxy',
      { HTTPS_PROXY: 'https://proxy.corp:8443/' },
      'https://ghcr.io/',
      'https://proxy.corp:8443 from HTTPS_PROXY'
    ],
    ['ALL_PROXY is not read', { ALL_PROXY: PROXY, all_proxy: PROXY }, 'https://ghcr.io/', 'direct']
  ])('%s', (_, env, url, expected) => {
    expect(decide(env, url)).toBe(expected)
  })
})

describe('NO_PROXY and loopback', () => {
  const env = (noProxy: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    HTTPS_PROXY: PROXY,
    HTTP_PROXY: PROXY,
    NO_PROXY: noProxy,
    ...extra
  })
  const via = `${PROXY} from HTTPS_PROXY`
  test.each<[string, NodeJS.ProcessEnv, string, string]>([
    ['a listed domain', env('example.com'), 'https://example.com/', 'direct'],
    ['a name under a listed domain', env('example.com'), 'https://a.b.example.com/', 'direct'],
    ['a name that only ends the same', env('example.com'), 'https://badexample.com/', via],
    ['a leading dot: names under it', env('.example.com'), 'https://a.example.com/', 'direct'],
    [
      'a leading dot: the domain itself (as curl)',
      env('.example.com'),
      'https://example.com/',
      'direct'
    ],
    ['a leading *.', env('*.example.com'), 'https://a.example.com/', 'direct'],
    ['any case, a trailing dot', env('Example.COM.'), 'https://A.example.com./', 'direct'],
    ['a port: that port only', env('example.com:8443'), 'https://example.com:8443/', 'direct'],
    ['a port: another port is proxied', env('example.com:8443'), 'https://example.com/', via],
    ['a port: the default port counts', env('example.com:443'), 'https://example.com/', 'direct'],
    ['* is every host', env('*'), 'https://ghcr.io/', 'direct'],
    [
      'entries split on commas and spaces',
      env(' a.test , example.com b.test'),
      'https://example.com/',
      'direct'
    ],
    [
      'no_proxy wins over NO_PROXY',
      env('ghcr.io', { no_proxy: 'quay.io' }),
      'https://ghcr.io/',
      via
    ],
    ['an IPv4 address', env('10.1.2.3'), 'https://10.1.2.3:5000/', 'direct'],
    ['an IPv4 address is not a domain suffix', env('0.0.1'), 'https://10.0.0.1/', via],
    ['an IPv4 address with a port', env('10.1.2.3:5000'), 'https://10.1.2.3:5001/', via],
    ['a CIDR range', env('10.0.0.0/8'), 'https://10.200.3.4/', 'direct'],
    ['outside a CIDR range', env('10.0.0.0/8'), 'https://11.0.0.1/', via],
    ['an IPv6 address', env('fd00::1'), 'https://[fd00::1]/', 'direct'],
    [
      'an IPv6 address, bracketed with a port',
      env('[fd00::1]:5000'),
      'https://[fd00::1]:5000/',
      'direct'
    ],
    ['an IPv6 address written longer', env('fd00:0:0:0:0:0:0:1'), 'https://[fd00::1]/', 'direct'],
    ['an IPv6 range', env('fd00::/8'), 'https://[fd12::7]/', 'direct'],
    ['an address never matches a name', env('10.1.2.3'), 'https://registry.lan/', via],
    [
      'an entry no form fits is skipped',
      env('<local>,example.com'),
      'https://example.com/',
      'direct'
    ],
    ['a skipped entry leaves others proxied', env('<local>'), 'https://ghcr.io/', via],
    ['loopback: 127.0.0.1', env(''), 'https://127.0.0.1:5000/', 'direct'],
    ['loopback: all of 127.0.0.0/8', env(''), 'http://127.8.9.10:5000/', 'direct'],
    ['loopback: ::1', env(''), 'https://[::1]:5000/', 'direct'],
    ['loopback: localhost', env(''), 'https://localhost:5000/', 'direct'],
    ['loopback: not a name that starts with 127', env(''), 'https://127.example.com/', via],
    [
      'loopback through the proxy with TAGSHIP_PROXY_LOOPBACK=true',
      env('', { TAGSHIP_PROXY_LOOPBACK: 'true' }),
      'https://127.0.0.1:5000/',
      via
    ],
    [
      'TAGSHIP_PROXY_LOOPBACK=false keeps loopback direct',
      env('', { TAGSHIP_PROXY_LOOPBACK: 'false' }),
      'https://localhost:5000/',
      'direct'
    ],
    [
      'NO_PROXY still applies with TAGSHIP_PROXY_LOOPBACK',
      env('127.0.0.1:5000', { TAGSHIP_PROXY_LOOPBACK: 'TRUE' }),
      'https://127.0.0.1:5000/',
      'direct'
    ]
  ])('%s', (_, e, url, expected) => {
    expect(decide(e, url)).toBe(expected)
  })
})

describe('proxy credentials', () => {
  test.each<[string, string, string | undefined]>([
    ['none', PROXY, undefined],
    ['user and password', 'http://alice:s3cret@proxy.corp:3128', basic('alice:s3cret')],
    [
      '%-escaped ones are decoded',
      'http://al%40ce:p%3Ass%2Fw@proxy.corp:3128',
      basic('al@ce:p:ss/w')
    ],
    ['a user with an empty password', 'http://alice@proxy.corp:3128', basic('alice:')]
  ])('%s', (_, value, authorization) => {
    const proxy = proxyRules({ HTTPS_PROXY: value }).https!
    expect(proxy.origin).toBe('http://proxy.corp:3128')
    expect(proxy.authorization).toBe(authorization)
  })
})

describe('a proxy setting that cannot be used is one error naming the variable, without the password', () => {
  test.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'not a URL',
      { HTTPS_PROXY: 'http://alice:s3cret@proxy corp:3128' },
      'HTTPS_PROXY: "http://***@proxy corp:3128" is not a proxy URL: give http://host:port, or http://user:password@host:port'
    ],
    [
      'a bad port',
      { http_proxy: 'http://alice:s3cret@proxy.corp:99999' },
      'http_proxy: "http://***@proxy.corp:99999" is not a proxy URL: give http://host:port, or http://user:password@host:port'
    ],
    [
      'a SOCKS proxy',
      { HTTPS_PROXY: 'socks5://alice:s3cret@proxy.corp:1080' },
      'HTTPS_PROXY: "socks5://***@proxy.corp:1080" is a socks5 proxy, and tagship speaks to HTTP proxies only: give http://host:port, or http://user:password@host:port'
    ],
    [
      'a broken escape in the password',
      { HTTPS_PROXY: 'http://alice:s3%ZZcret@proxy.corp:3128' },
      'HTTPS_PROXY: "http://***@proxy.corp:3128" has a user or password with a broken %-escape: escape it again (%40 for @)'
    ],
    [
      'TAGSHIP_PROXY_LOOPBACK not a boolean',
      { TAGSHIP_PROXY_LOOPBACK: 'yes' },
      'TAGSHIP_PROXY_LOOPBACK: "yes" is not a boolean: set true to send requests to loopback hosts through the proxy, or leave it unset'
    ]
  ])('%s', (_, env, message) => {
    let thrown: unknown
    try {
      proxyRules(env)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toMatchObject({ name: 'InputError', message })
    expect(String((thrown as Error).message)).not.toContain('s3')
  })

  test.each<[string, string]>([
    ['http://proxy.corp:3128', 'http://proxy.corp:3128'],
    ['http://alice:s3cret@proxy.corp:3128', 'http://***@proxy.corp:3128'],
    ['alice:pa@ss/w@proxy.corp:3128', '***@proxy.corp:3128'],
    ['http://token@proxy.corp', 'http://***@proxy.corp']
  ])('hidePassword(%j) is %j', (raw, shown) => {
    expect(hidePassword(raw)).toBe(shown)
  })
})

describe('proxySecrets: what the edges mask or scrub before anything runs', () => {
  test.each<[string, NodeJS.ProcessEnv, string[]]>([
    ['no proxy', {}, []],
    ['a proxy without credentials', { HTTPS_PROXY: 'http://proxy.corp:3128' }, []],
    [
      'user and password: the header, its base64, the pair and the password',
      { HTTPS_PROXY: 'http://ci:s%40cret@proxy.corp:3128' },
      [
        `Basic ${Buffer.from('ci:s@cret').toString('base64')}`,
        Buffer.from('ci:s@cret').toString('base64'),
        'ci:s@cret',
        's@cret',
        's%40cret'
      ]
    ],
    [
      'a password in a variable the rules do not use (the uppercase one) is hidden too',
      { https_proxy: 'http://proxy.corp:3128', HTTPS_PROXY: 'http://u:other@proxy.corp:3128' },
      ['other']
    ]
  ])('%s', (_why, env, secrets) => {
    expect(proxySecrets(env)).toEqual(secrets)
  })

  test('a broken proxy URL is one error naming the variable, its password hidden', () => {
    expect(() => proxySecrets({ HTTPS_PROXY: 'socks5://u:pw@proxy:1080' })).toThrow(
      'HTTPS_PROXY: "socks5://***@proxy:1080" is a socks5 proxy, and tagship speaks to HTTP proxies only: give http://host:port, or http://user:password@host:port'
    )
  })
})
