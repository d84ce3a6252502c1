/** The site's own identity (name, description, footer line) from content/site.json; no report's facts. */
import siteJson from '../../content/site.json' with { type: 'json' };
import { z } from 'astro/zod';

const siteSchema = z.object({
  $comment: z.string().optional(),
  name: z.string().min(1),
  description: z.string().min(10),
  footer: z.string().min(10),
});

export const site = siteSchema.parse(siteJson);
