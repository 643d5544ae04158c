import { describe, expect, it } from 'vitest';
import {
  buildEnvironment,
  confirmUrl,
  demoEndpoints,
  realEndpoints,
  settingsProblems,
  DEMO_SETTINGS,
} from '../../../electron/platform/environments';

describe('environments', () => {
  it('Test uses the real TT02, Maskinporten TEST and K&B test URLs', () => {
    const env = buildEnvironment('test', { firmOrgNumber: '310000027' });
    expect(env.endpoints).toEqual({
      maskinporten: { issuer: 'https://test.maskinporten.no/', tokenEndpoint: 'https://test.maskinporten.no/token' },
      idporten: {
        issuer: 'https://test.idporten.no',
        authorizationEndpoint: 'https://login.test.idporten.no/authorize',
        tokenEndpoint: 'https://test.idporten.no/token',
      },
      altinnPlatform: 'https://platform.tt02.altinn.no',
      altinnPortal: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/',
      kravOgBetalinger: 'https://kravogbetalinger.api.skatteetaten-test.no/v1',
    });
    expect(confirmUrl(env.endpoints, 'r1', 'agent')).toBe(
      'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/agentrequest?id=r1&DONTCHOOSEREPORTEE=true',
    );
    expect(env.settings.scopes.kravOgBetalinger).toBe('skatteetaten:kravogbetalinger');
  });

  it('Production uses the real production URLs and grant audience', () => {
    const p = realEndpoints('production');
    expect(p.maskinporten).toEqual({ issuer: 'https://maskinporten.no/', tokenEndpoint: 'https://maskinporten.no/token' });
    expect(p.altinnPlatform).toBe('https://platform.altinn.no');
    expect(p.kravOgBetalinger).toBe('https://kravogbetalinger.api.skatteetaten.no/v1');
    expect(confirmUrl(p, 'r2', 'standard')).toBe(
      'https://am.ui.altinn.no/accessmanagement/ui/systemuser/request?id=r2&DONTCHOOSEREPORTEE=true',
    );
  });

  it('Demo takes its URLs from the running world and needs it to be running', () => {
    const urls = {
      maskinporten: 'http://127.0.0.1:4001',
      idporten: 'http://127.0.0.1:4002/',
      altinn: 'http://127.0.0.1:4003',
      skatteetaten: 'http://127.0.0.1:4004',
    };
    const env = buildEnvironment('demo', {}, { demoUrls: urls });
    expect(env.endpoints.maskinporten.issuer).toBe('http://127.0.0.1:4001/');
    expect(env.endpoints.kravOgBetalinger).toBe('http://127.0.0.1:4004/v1');
    expect(env.endpoints.idporten.authorizationEndpoint).toBe('http://127.0.0.1:4002/authorize');
    expect(env.settings).toEqual(DEMO_SETTINGS);
    expect(demoEndpoints(urls, 'http://issuer/').maskinporten.issuer).toBe('http://issuer/');
    expect(() => buildEnvironment('demo', {})).toThrow(/not running/);
  });

  it('reports missing settings for a real environment', () => {
    expect(settingsProblems(buildEnvironment('production', {}).settings).map((p) => p.field)).toEqual([
      'firmOrgNumber',
      'maskinportenClientId',
      'systemId',
    ]);
    expect(settingsProblems(DEMO_SETTINGS)).toEqual([]);
  });
});
