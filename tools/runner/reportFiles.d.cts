export const UP_REPORT: string;
export const CHECK_REPORT: string;
export function engineReport(major: string): string;
export function upReports(root: string): string[];
