import type {ExampleData} from '../../components/Example/types';

export function languageOf(fileName: string): string;
export function listFiles(dir: string, prefix?: string): string[];
export function readExample(dir: string, neededImages?: string[]): ExampleData;
export function exampleDirs(examplesDir: string): string[];
export function topologyOf(file: string): import('../../components/Example/types').TopologyModel;
export function parsePort(port: unknown): import('../../components/Example/types').TopologyPort;
export function reportPathsFor(exampleDir: string): string[];
export const NEEDED_IMAGES_FILE: string;
export function neededImagesFor(exampleDir: string): string[];
export function neededImagesFile(exampleDir: string): string;
