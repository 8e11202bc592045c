import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value index workers run at: they yield the core to the server's thread whenever it has a request. */
export const BACKGROUND_NICE = 10;

/** Whether this platform lets a worker thread lower its own priority (Linux: each thread is a task with its own nice value). */
export function threadPriorityAvailable(): boolean {
  return process.platform === 'linux';
}

/**
 * Lowers the calling worker thread's scheduling priority, not the process's: on Linux the thread's
 * task id is read from /proc/thread-self and reniced on its own. Returns whether it took; never
 * touches the process's main thread.
 */
export function lowerThisThreadPriority(nice = BACKGROUND_NICE): boolean {
  if (!threadPriorityAvailable()) return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
