/** Sessions named on the command line (a full id, a page, or a session name), or all of them. */
export function selectSessions(all: string[], names: string[]): {ids: string[]; unknown: string[]} {
  if (names.length === 0) return {ids: all, unknown: []};
  const matches = (name: string) =>
    all.filter((id) => id === name || id.startsWith(`${name}/`) || id.endsWith(`/${name}`));
  return {
    ids: all.filter((id) => names.some((n) => matches(n).includes(id))),
    unknown: names.filter((n) => matches(n).length === 0),
  };
}
