import { describe, expect, it } from 'vitest';
import { sampleOmsConfig } from './sample-oms.config.js';

describe('sample OMS configuration', () => {
  it('listens on loopback port 8090 with test controls off by default', () => {
    expect(sampleOmsConfig.load({})).toMatchObject({ host: '127.0.0.1', port: 8090, testControls: false, secret: undefined });
    expect(sampleOmsConfig.load({ SAMPLE_OMS_TEST_CONTROLS: 'true' }).testControls).toBe(true);
  });
});
