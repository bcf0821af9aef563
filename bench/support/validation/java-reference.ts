import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Where Debian's libsaxonhe-java puts the Saxon-HE jar. */
const SAXON_JARS = ['/usr/share/java/Saxon-HE.jar', '/usr/share/java/saxon-he.jar'];
const AVERAGE = /Average execution time over last (\d+) runs: ([\d.]+)ms/;

function saxonJar(): string | undefined {
  return SAXON_JARS.find((jar) => existsSync(jar));
}

/**
 * Documents per second of Java Saxon-HE running the same official XSLT on the same input: the
 * stylesheet is compiled once and the transform repeated (`-repeat`), Saxon reporting the average
 * of the warm runs. Undefined when java or the jar is missing.
 */
export async function javaDocsPerSecond(xslt: string, input: string, repeat: number, timeoutMs: number): Promise<number | undefined> {
  const jar = saxonJar();
  if (!jar) return undefined;
  try {
    const { stderr } = await run('java', ['-cp', jar, 'net.sf.saxon.Transform', `-s:${input}`, `-xsl:${xslt}`, '-o:/dev/null', `-repeat:${repeat}`, '-t'], {
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    const match = AVERAGE.exec(stderr);
    if (match) return 1000 / Number(match[2]);
    // A single run prints only its own execution time.
    const single = /Execution time: ([\d.]+)(ms|s)/.exec(stderr);
    if (!single) return undefined;
    return 1000 / (Number(single[1]) * (single[2] === 's' ? 1000 : 1));
  } catch {
    return undefined;
  }
}
