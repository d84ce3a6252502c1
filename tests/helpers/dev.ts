/** Starts `npm run dev` (astro dev) in a project folder on a port the OS picks, for tests of the editor's preview. */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { buildEnv } from './build.ts';

export interface DevServer {
  /** The server's root URL, ending in "/". */
  url: string;
  stop(): void;
}

/** Spawns `astro dev --port 0` in `cwd` and resolves with its URL once it prints it; rejects if it exits first. */
export function startDev(cwd: string, timeoutMs = 120_000): Promise<DevServer> {
  const child = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd,
    env: buildEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends npx, astro and anything they started.
    detached: true,
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`astro dev printed no URL within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /Local\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stripVTControlCharacters(output))?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro dev exited (${code}) before listening:\n${output}`));
    });
  });
}
