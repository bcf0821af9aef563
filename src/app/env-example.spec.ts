import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEnvExample } from './env-example.js';

describe('.env.example', () => {
  it('lists every configuration variable with its current default (regenerate with npm run env:example)', () => {
    const committed = readFileSync(path.resolve(process.cwd(), '.env.example'), 'utf8');
    expect(committed).toEqual(renderEnvExample());
  });
});
