/**
 * A `shell-session` code block shows a terminal: lines starting with "$ " are commands,
 * the rest is their output. Readers copy the commands only, without the prompt.
 * A command ending in a backslash continues on the next line.
 */
export function commandsOf(session: string): string {
  const commands: string[] = [];
  let continuing = false;
  for (const line of session.split('\n')) {
    if (continuing) {
      commands.push(line);
    } else if (line.startsWith('$ ')) {
      commands.push(line.slice(2));
    } else {
      continue;
    }
    continuing = line.endsWith('\\');
  }
  return commands.join('\n');
}

const sessionLanguages = new Set(['shell-session', 'console', 'sh-session']);

/** The text a code block's copy button puts on the clipboard. */
export function copyableText(code: string, language: string | undefined): string {
  return language && sessionLanguages.has(language) ? commandsOf(code) : code;
}
