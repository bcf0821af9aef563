import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/common/usage-error.js';
import { registerSampleOmsCommands } from '../../src/sample-oms/sample-oms.cli.js';
import { tempDir } from './harness.js';

function program(): Command {
  const root = new Command('peppol-ap').exitOverride();
  registerSampleOmsCommands(root);
  return root;
}

describe('peppol-ap sample-oms', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    folder = await tempDir('sample-oms-cli-');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await folder.remove();
  });

  it('refuses a malformed secret or port as a usage error', async () => {
    await expect(program().parseAsync(['sample-oms', '--secret', 'hunter2'], { from: 'user' })).rejects.toThrow(UsageError);
    await expect(program().parseAsync(['sample-oms', '--port', '70000'], { from: 'user' })).rejects.toThrow(
      /--port must be a number from 0 to 65535/,
    );
  });

  it('runs until SIGINT, printing its URLs and the generated secret', async () => {
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
    const running = program().parseAsync(['sample-oms', '--port', '0', '--data-dir', folder.dir], { from: 'user' });
    await vi.waitFor(() => expect(output.join('')).toContain('signing secret'), { timeout: 10_000 });
    const url = /listening on (http:\/\/\S+)/.exec(output.join(''))![1]!;
    expect(output.join('')).toMatch(/signing secret \(generated, configure it on the route\): whsec_\S{44}/);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', events: 0 });
    expect((await fetch(`${url}/_control`)).status).toBe(404);
    process.emit('SIGINT');
    await running;
    expect(output.join('')).toContain('sample OMS stopped');
  });
});
