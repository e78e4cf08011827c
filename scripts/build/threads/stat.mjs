// A thread that stats files (collector.ts `statFiles`): the paths in workerData, each answered
// with its size, modification time and inode (bigints), or the error's message, in order. Plain
// JavaScript with no imports but Node's, so it starts in milliseconds: its work runs while the
// build's own thread reads back its memory.
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const answers = workerData.paths.map((path) => {
  try {
    const { size, mtimeNs, mtimeMs, ino } = statSync(path, { bigint: true });
    return { size, mtimeNs, mtimeMs, ino };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
});
parentPort.postMessage(answers);
