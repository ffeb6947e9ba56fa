// Webpack loader for glossary/terms.yaml: the rows of the glossary table in the locale being
// built (term, the other language's term, definition). One source: the same file the glossary
// check (tests/unit/glossary.test.ts) reads.
const YAML = require('yaml');

module.exports = function glossaryLoader(source) {
  const {locale} = this.getOptions();
  const [mine, other] = locale === 'en' ? ['en', 'zh'] : ['zh', 'en'];
  const {terms} = YAML.parse(source);
  const rows = terms.map((t) => ({id: t.id, term: t[mine], other: t[other], definition: t.definition[mine]}));
  return `export default ${JSON.stringify(rows)};`;
};
