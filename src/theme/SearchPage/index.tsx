import React, {type ReactNode} from 'react';
import SearchPage from '@theme-original/SearchPage';
import {NeedsMainLandmark} from '@site/src/lib/mainLandmark';

// The search plugin's page renders its results without a <main> landmark.
export default function SearchPageWithMain(): ReactNode {
  return (
    <NeedsMainLandmark.Provider value>
      <SearchPage />
    </NeedsMainLandmark.Provider>
  );
}
