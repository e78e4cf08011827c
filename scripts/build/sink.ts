import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BodyFile } from '../../src/store/bundle';
import { listFiles, realFileSystem, type FileSystem } from './files';

/**
 * Where the build puts each body file the moment it is made (represent.ts), so a build at a
 * million articles holds one pack at a time, never every body: the command line writes into the
 * assets folder and keeps only each file's path and size; tests keep the texts in memory.
 */

/** What the build keeps of a file once its sink has it. */
export interface StoredFile {
  path: string;
  /** Its size in UTF-8 bytes (what the platform's per-file limit counts). */
  bytes: number;
}

/** A file the build copies as it is (a picture's original): its path in the assets and the file it is copied from. */
export interface CopiedFile extends StoredFile {
  from: string;
}

/** Takes each body file as it is made, and each file copied as it is; returns what the build keeps of it. */
export interface BodySink<F extends StoredFile = StoredFile> {
  write(file: BodyFile): F;
  copy(file: Omit<CopiedFile, 'bytes'>): CopiedFile;
}

/** A file kept whole, text and all (the tests' sink, and the index files the writer writes). */
export type KeptFile = BodyFile & StoredFile;

/** Keeps every file in memory, as it is. */
export const memorySink: BodySink<KeptFile> = {
  write: (file) => ({ ...file, bytes: Buffer.byteLength(file.text) }),
  copy: (file) => ({ ...file, bytes: nodeFs.statSync(file.from).size }),
};

/** The synchronous file operations the assets sink is made of (a test passes one that fails part-way). */
export type SyncFileSystem = Pick<typeof nodeFs, 'mkdirSync' | 'writeFileSync' | 'copyFileSync' | 'renameSync' | 'rmSync' | 'statSync'>;

/**
 * Writes body files into the assets folder as they come: each whole (a temp file beside it,
 * then rename(2)), and only when it is not there already (names are content hashes: a file
 * there holds exactly these bytes). `existing` is what the folder held before the build, so the
 * writer knows what this build added (and removes it if the build fails) and what went stale.
 */
export class AssetsSink implements BodySink {
  /** Files this build put in the folder, in the order written. */
  readonly added: string[] = [];
  private readonly written = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(
    readonly dir: string,
    readonly existing: ReadonlySet<string>,
    private readonly fs: SyncFileSystem = nodeFs,
  ) {}

  write({ path, text }: BodyFile): StoredFile {
    this.put(path, (temp) => this.fs.writeFileSync(temp, text));
    return { path, bytes: Buffer.byteLength(text) };
  }

  /**
   * A picture's original, copied as it is (names are content hashes here too: one already there is
   * right); a copy-on-write clone where the file system makes one (Btrfs, XFS, APFS), else a copy.
   * Never a hard link: a picture edited in place would change the asset under its hash's name.
   */
  copy({ path, from }: Omit<CopiedFile, 'bytes'>): CopiedFile {
    this.put(path, (temp) => this.fs.copyFileSync(from, temp, nodeFs.constants.COPYFILE_FICLONE));
    return { path, from, bytes: this.fs.statSync(join(this.dir, path)).size };
  }

  /** Makes the file at `path` with `make` (into a temp file beside it, then renamed), unless it is there already. */
  private put(path: string, make: (temp: string) => void): void {
    if (this.existing.has(path) || this.written.has(path)) return;
    const target = join(this.dir, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) this.fs.mkdirSync(folder, { recursive: true });
    this.folders.add(folder);
    const temp = join(folder, `.${basename(target)}.${process.pid}.tmp`);
    try {
      make(temp);
      this.fs.renameSync(temp, target);
    } catch (error) {
      this.fs.rmSync(temp, { force: true });
      throw error;
    }
    this.added.push(path);
    this.written.add(path);
  }
}

/** A sink into `dir`, which it lists first (what was there before this build). */
export async function openAssetsSink(dir: string, fs: FileSystem = realFileSystem, syncFs: SyncFileSystem = nodeFs): Promise<AssetsSink> {
  await fs.mkdir(dir, { recursive: true });
  return new AssetsSink(dir, await listFiles(dir, fs), syncFs);
}
