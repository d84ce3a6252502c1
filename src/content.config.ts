import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storySchema } from './data/story-schema.ts';

const stories = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/stories' }),
  schema: storySchema,
});

export const collections = { stories };
