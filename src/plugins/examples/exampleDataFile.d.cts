export const EXAMPLE_DATA_DIR: string;
export function exampleDataFile(exampleDir: string): string;
