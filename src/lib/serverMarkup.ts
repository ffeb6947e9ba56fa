import {useId, useState} from 'react';

/**
 * An id for an element whose content is static, and whether React is hydrating that element's
 * server-rendered markup right now. useId gives the server's id only while hydrating (ids of
 * client renders never match one), so finding the id in the document at the first render means
 * the content is already there. The element may then be rendered with an empty innerHTML:
 * React does not compare innerHTML when hydrating, leaves the server's content in place, and
 * does not hydrate it, which is most of a long chapter's start-up work.
 */
export function useServerMarkup(): {id: string; isHydratingServerMarkup: boolean} {
  const id = useId();
  const [isHydratingServerMarkup] = useState(
    () => typeof document !== 'undefined' && document.getElementById(id) !== null,
  );
  return {id, isHydratingServerMarkup};
}
