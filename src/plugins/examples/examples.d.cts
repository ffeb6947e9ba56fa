export interface ExampleFile {
  path: string;
  language: string;
  content: string;
}
export function languageOf(fileName: string): string;
export function listFiles(dir: string, prefix?: string): string[];
export function readExample(dir: string): Record<string, unknown> & {name: string; files: ExampleFile[]; allFiles: string[]};
export function exampleDirs(examplesDir: string): string[];
