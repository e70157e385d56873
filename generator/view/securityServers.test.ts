import { describe, expect, it } from 'vitest';
import { codeSpan } from './text.ts';
import { defaultServerUrl } from '../normalize/securityServers.ts';
import { authorizationMarkdown, securityLiteral, securitySchemesLiteral, serversLiteral } from './securityServers.ts';

describe('security and servers view: spec text stays text', () => {
  it('fills a server URL from its defaults, keeping an undeclared {name}', () => {
    expect(defaultServerUrl({ url: 'https://{host}/{v}/', variables: [{ name: 'host', default: 'api.example.com' }] })).toBe('https://api.example.com/{v}');
  });

  it('quotes hostile names and values in the generated literals', () => {
    const hostile = "x'); process.exit(1); ('";
    expect(securitySchemesLiteral([{ name: hostile, type: 'apiKey', in: 'header', paramName: "a'\nb" }, { name: 'tls', type: 'mutualTLS' }])).toBe(
      `{\n  'x\\'); process.exit(1); (\\'': { type: 'apiKey', in: 'header', name: 'a\\'\\u000ab' },\n}`,
    );
    expect(securityLiteral([[{ scheme: hostile, scopes: [] }], []])).toBe(`[{ 'x\\'); process.exit(1); (\\'': SECURITY_SCHEMES['x\\'); process.exit(1); (\\''] }, {}]`);
    expect(securityLiteral([])).toBe('');
    expect(serversLiteral([{ url: "https://x/'*/", variables: [{ name: '__proto__', default: "'" }] }])).toBe(
      `[\n  {\n    url: 'https://x/\\'*/',\n    variables: {\n      ['__proto__']: { default: '\\'' },\n    },\n  },\n]`,
    );
  });

  it('lists alternatives that differ only in scopes once, in the literal and in the docs', () => {
    const both = [{ scheme: 'Oauth2', scopes: ['read'] }, { scheme: 'Oauth2c', scopes: ['read'] }];
    const bothWrite = [{ scheme: 'Oauth2', scopes: ['write'] }, { scheme: 'Oauth2c', scopes: ['write'] }];
    expect(securityLiteral([both, bothWrite, [{ scheme: 'Key', scopes: [] }]])).toBe('[{ Oauth2: SECURITY_SCHEMES.Oauth2, Oauth2c: SECURITY_SCHEMES.Oauth2c }, { Key: SECURITY_SCHEMES.Key }]');
    expect(authorizationMarkdown([both, bothWrite]).match(/, or /g)).toBeNull();
  });

  it('fences a code span longer than any backticks inside', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('<b>|')).toBe('`&lt;b&gt;\\|`');
  });
});
