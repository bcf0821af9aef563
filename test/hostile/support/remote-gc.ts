import { readFileSync } from 'node:fs';
import { WebSocket } from 'undici';

/** RSS of a process in MB, as the kernel counts it. */
export function rssMbOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/**
 * Full garbage collection in another Node process started with `--inspect=127.0.0.1:<port>`,
 * through the inspector protocol (HeapProfiler.collectGarbage), so its RSS can be read "after GC".
 */
export async function collectGarbage(inspectPort: number): Promise<void> {
  await inspect(inspectPort, [{ method: 'HeapProfiler.collectGarbage' }, { method: 'HeapProfiler.collectGarbage' }, { method: 'HeapProfiler.collectGarbage' }]);
}

/** `process.memoryUsage()` of the other process, in MB (heap, external and array buffers next to RSS). */
export async function memoryUsageMb(inspectPort: number): Promise<Record<string, number>> {
  const [result] = await inspect(inspectPort, [
    { method: 'Runtime.evaluate', params: { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true } },
  ]);
  const usage = JSON.parse((result as { result: { value: string } }).result.value) as Record<string, number>;
  return Object.fromEntries(Object.entries(usage).map(([k, v]) => [k, v / 1024 / 1024]));
}

/** Sends inspector commands one after another and returns their results. */
async function inspect(inspectPort: number, commands: Array<{ method: string; params?: unknown }>): Promise<unknown[]> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('cannot reach the inspector')), { once: true });
  });
  const results: unknown[] = [];
  try {
    for (const [index, command] of commands.entries()) {
      const id = index + 1;
      const done = new Promise<unknown>((resolve) => {
        const onMessage = (event: { data: unknown }) => {
          const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
          if (message.id === id) {
            socket.removeEventListener('message', onMessage);
            resolve(message.result);
          }
        };
        socket.addEventListener('message', onMessage);
      });
      socket.send(JSON.stringify({ id, ...command }));
      results.push(await done);
    }
  } finally {
    socket.close();
  }
  return results;
}
