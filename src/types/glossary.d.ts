declare module '@site/glossary/terms.yaml' {
  /** One row of the glossary table, in the locale being built (src/plugins/glossary). */
  const rows: {id: string; term: string; other: string; definition: string}[];
  export default rows;
}
