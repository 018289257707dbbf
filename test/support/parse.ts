import { createVirtualFileSystem } from 'typescript/unstable/fs';
import type { SourceFile } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';

/** Where the parsed files live for the compiler: a directory that exists nowhere on disk. */
const ROOT = '/detour-parse';

/**
 * Syntax trees of TypeScript and TSX sources, from the TypeScript compiler itself (TypeScript 7's
 * API runs the compiler as a child process). Only parsing: no imports are followed, nothing is
 * type-checked, so a file is read exactly as written. Keys are the paths given.
 */
export function parseSources(sources: ReadonlyMap<string, string>): Map<string, SourceFile> {
  const names = new Map([...sources.keys()].map((path, index) => [path, `${ROOT}/f${index}${path.endsWith('.tsx') ? '.tsx' : '.ts'}`]));
  const files: Record<string, string> = {
    [`${ROOT}/tsconfig.json`]: JSON.stringify({
      compilerOptions: { jsx: 'preserve', noLib: true, noResolve: true, types: [], allowImportingTsExtensions: true, noEmit: true },
      files: [...names.values()],
    }),
  };
  for (const [path, text] of sources) files[names.get(path)!] = text;
  const api = new API({ cwd: ROOT, fs: createVirtualFileSystem(files) });
  try {
    const snapshot = api.updateSnapshot({ openProjects: [`${ROOT}/tsconfig.json`] });
    const program = snapshot.getProjects()[0]!.program;
    const parsed = new Map<string, SourceFile>();
    for (const [path, name] of names) {
      const file = program.getSourceFile(name);
      if (!file) throw new Error(`the compiler did not parse ${path}`);
      parsed.set(path, file);
    }
    return parsed;
  } finally {
    api.close();
  }
}
