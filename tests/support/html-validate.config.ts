import type { ConfigData } from 'html-validate';

/**
 * html-validate rules for the built site: the recommended preset (HTML conformance, accessibility,
 * security, deprecated markup). Every rule turned off carries its reason.
 */
export const htmlValidateConfig: ConfigData = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // Titles are article headlines, which the content model allows up to 200 characters. Search
    // engines shorten long titles in results but index them whole; cutting headlines is an
    // editorial decision, not a markup error.
    'long-title': 'off',
  },
};
