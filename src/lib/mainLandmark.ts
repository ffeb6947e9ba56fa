import {createContext} from 'react';

/**
 * Set by a page whose content has no <main> of its own (the local search page), so that the
 * Layout wraps the content in one: screen readers and axe need exactly one main landmark.
 */
export const NeedsMainLandmark = createContext(false);
