import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../../src/core/make-folder.js';
import { tempDir } from '../helpers/temp.js';

describe('makeFolder', () => {
  it('makes a folder with every missing parent, and accepts one that is there', async () => {
    const root = tempDir('lectern-make-folder-');
    const deep = join(root, 'a', 'b', 'c');
    await makeFolder(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await makeFolder(deep);
    await makeFolder(root);
  });

  it('fails at once where a folder cannot be made: under /proc (where Node’s recursive mkdir never settles), under a file', async () => {
    const settled = Promise.race([
      makeFolder('/proc/lectern-x/out').then(
        () => 'made',
        (err: NodeJS.ErrnoException) => err.code,
      ),
      new Promise((done) => setTimeout(() => done('still waiting after 3 s'), 3000).unref()),
    ]);
    expect(await settled).toBe('ENOENT');
    const root = tempDir('lectern-make-folder-');
    writeFileSync(join(root, 'file'), '');
    await expect(makeFolder(join(root, 'file', 'out'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(existsSync('/proc/lectern-x')).toBe(false);
  });
});
