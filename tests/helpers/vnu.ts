/** Runs the Nu HTML checker (vnu-jar under Java 17, no download) on a folder and returns its errors, readably. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HtmlError {
  /** File relative to the checked folder. */
  file: string;
  line?: number;
  message: string;
  /** "file:line: message" with the offending markup. */
  text: string;
}

const require = createRequire(import.meta.url);

/** Path of vnu.jar inside the vnu-jar package. */
export function vnuJar(): string {
  return require('vnu-jar') as string;
}

/** Checks every HTML file under `dir` (`--errors-only --skip-non-html`); throws if the checker itself cannot run. */
export function checkHtml(dir: string): { errors: HtmlError[] } {
  const root = resolve(dir);
  const run = spawnSync(
    process.env.JAVA ?? 'java',
    ['-jar', vnuJar(), '--errors-only', '--skip-non-html', '--format', 'json', root],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error) throw new Error(`could not run the Nu checker: ${run.error.message}`);
  let report: {
    messages: { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string }[];
  };
  try {
    report = JSON.parse(run.stderr || run.stdout);
  } catch {
    throw new Error(`the Nu checker gave no JSON report (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  }
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal')
    .map((m) => {
      const file = m.url ? relative(root, fileURLToPath(m.url)) : dir;
      const where = m.lastLine ? `${file}:${m.lastLine}` : file;
      const extract = m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : '';
      return { file, line: m.lastLine, message: m.message, text: `${where}: ${m.message}${extract}` };
    });
  return { errors };
}
