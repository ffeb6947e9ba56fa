import React, {type ReactNode} from 'react';
import Head from '@docusaurus/Head';
import SearchPage from '@theme-original/SearchPage';
import {NeedsMainLandmark} from '@site/src/lib/mainLandmark';

const description = {
  'zh-Hans': '在 Docker 实践指南的全部章节中搜索。',
  en: 'Search every chapter of the Docker Field Guide.',
};

// The search plugin's page renders its results without a <main> landmark, and has no meta description.
export default function SearchPageWithMain(): ReactNode {
  return (
    <NeedsMainLandmark.Provider value>
      <Head>
        <meta name="description" content={description[BUILD_LOCALE]} />
      </Head>
      <SearchPage />
    </NeedsMainLandmark.Provider>
  );
}
