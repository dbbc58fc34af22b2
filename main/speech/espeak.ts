// Runs eSpeak NG as a separate program (it is GPL-3.0: called, never linked or bundled) and returns its WAV.
// The text goes on stdin, not the command line, so no process listing shows what a visitor hears.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export type SpeechLang = 'fr' | 'en' | 'ar';

/** The eSpeak NG voice of each language the kiosk speaks. */
export const espeakVoices: Readonly<Record<SpeechLang, string>> = { fr: 'fr', en: 'en-gb', ar: 'ar' };

/** A Web Speech rate (1 = normal) as eSpeak NG words per minute (its normal pace is 175). */
export const wordsPerMinute = (rate: number): number => Math.round(Math.min(2, Math.max(0.5, rate)) * 175);

/** The program: PASSERELLE_ESPEAK names it (only that one), else eSpeak NG's Windows install folder, else the PATH. */
export function espeakProgram(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PASSERELLE_ESPEAK) return env.PASSERELLE_ESPEAK;
  if (platform === 'win32') {
    const installed = `${env.ProgramFiles ?? 'C:\\Program Files'}\\eSpeak NG\\espeak-ng.exe`;
    if (existsSync(installed)) return installed;
  }
  return 'espeak-ng';
}

const maxOutputBytes = 16 * 1024 * 1024;

/** The program's runs not finished yet: ended with the host, so a stopped or restarting host leaves none behind. */
const running = new Set<ReturnType<typeof spawn>>();
let endedWithHost = false;
function endWithHost(child: ReturnType<typeof spawn>): void {
  running.add(child);
  child.once('close', () => running.delete(child));
  if (endedWithHost) return;
  endedWithHost = true;
  process.once('exit', () => {
    for (const run of running) run.kill('SIGKILL');
  });
}

/** Runs the program once; resolves with its standard output, or null when it fails, is too slow or says too much. */
export function runProgram(program: string, args: readonly string[], input: string, timeoutMs: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(program, args, { stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    } catch {
      return resolve(null);
    }
    endWithHost(child);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (value: Buffer | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(null);
    }, timeoutMs);
    child.on('error', () => finish(null));
    child.stdin.on('error', () => undefined);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutputBytes) {
        child.kill('SIGKILL');
        return finish(null);
      }
      chunks.push(chunk);
    });
    child.on('close', (code) => finish(code === 0 ? Buffer.concat(chunks) : null));
    child.stdin.end(input, 'utf8');
  });
}

/**
 * eSpeak NG writes a streaming WAV header (sizes left at their maximum): set the real sizes, so any decoder takes
 * it. Null when it is not a 16-bit PCM WAV with a data chunk.
 */
export function fixWavSizes(wav: Buffer): Buffer | null {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') return null;
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    if (id === 'data') {
      const fixed = Buffer.from(wav);
      fixed.writeUInt32LE(wav.length - 8, 4);
      fixed.writeUInt32LE(wav.length - offset - 8, offset + 4);
      return fixed;
    }
    offset += 8 + wav.readUInt32LE(offset + 4);
  }
  return null;
}

/** Speaks one text with eSpeak NG: a WAV, or null. */
export async function espeakWav(program: string, lang: SpeechLang, text: string, rate: number, timeoutMs: number): Promise<Buffer | null> {
  const wav = await runProgram(program, ['-v', espeakVoices[lang], '-s', String(wordsPerMinute(rate)), '--stdout'], text, timeoutMs);
  return wav ? fixWavSizes(wav) : null;
}

/** The program's version line ("eSpeak NG text-to-speech: 1.51 …" gives "1.51"), or null when it does not run. */
export async function espeakVersion(program: string): Promise<string | null> {
  const out = await runProgram(program, ['--version'], '', 5000);
  if (!out) return null;
  return /text-to-speech:\s*(\S+)/.exec(out.toString('utf8'))?.[1] ?? 'unknown';
}
