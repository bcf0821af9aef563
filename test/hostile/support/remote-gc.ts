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
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('cannot reach the inspector')), { once: true });
  });
  try {
    for (let id = 1; id <= 3; id++) {
      const done = new Promise<void>((resolve) => {
        const onMessage = (event: { data: unknown }) => {
          if ((JSON.parse(String(event.data)) as { id?: number }).id === id) {
            socket.removeEventListener('message', onMessage);
            resolve();
          }
        };
        socket.addEventListener('message', onMessage);
      });
      socket.send(JSON.stringify({ id, method: 'HeapProfiler.collectGarbage' }));
      await done;
    }
  } finally {
    socket.close();
  }
}
