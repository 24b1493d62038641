import { z } from 'astro/zod';
import { optionalText, requiredText } from './helpers.ts';

/**
 * A tag: one YAML file in `content/tags/`, named by the ASCII slug of its Polish name
 * (`ochrona-danych.yml` for "Ochrona danych"). The slug is the tag's URL: `/tagi/<slug>/`.
 */
export const tagSchema = () =>
  z.object({
    /** Display name, with Polish letters ("Bezpieczeństwo"). Required. */
    name: requiredText('name'),
    /** A sentence or two introducing the tag page. Optional. */
    description: optionalText(),
  });
