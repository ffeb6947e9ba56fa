import React, {type ReactNode} from 'react';
import rows from '@site/glossary/terms.yaml';

const heads = {
  'zh-Hans': {term: '术语', other: 'English', definition: '含义'},
  en: {term: 'Term', other: '中文', definition: 'Meaning'},
};

/** The glossary table, from glossary/terms.yaml: each row's id is its anchor. */
export default function Glossary(): ReactNode {
  const h = heads[BUILD_LOCALE];
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{h.term}</th>
          <th scope="col" lang={BUILD_LOCALE === 'en' ? 'zh-Hans' : 'en'}>
            {h.other}
          </th>
          <th scope="col">{h.definition}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} id={row.id}>
            <th scope="row">{row.term}</th>
            <td lang={BUILD_LOCALE === 'en' ? 'zh-Hans' : 'en'}>{row.other}</td>
            <td>{row.definition}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
