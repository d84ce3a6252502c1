import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { storySchema } from './data/story-schema.ts';

const stories = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/stories' }),
  schema: storySchema,
});

/** The editors' guide and the chart gallery, published under /guide/ (content/guide/index.mdx is /guide/ itself). */
const guide = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/guide' }),
  schema: z.object({
    title: z.string().min(2),
    description: z.string().min(10),
  }),
});

export const collections = { stories, guide };
