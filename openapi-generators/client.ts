// A small client over the types openapi-typescript generates (api.d.ts beside it when run.mjs runs): if the generated
// types lose the operations, their parameters or the shapes of their bodies, this no longer type-checks.
import type { components, paths } from './api';

type ProjectList = paths['/v1/projects']['get'];
type ProjectPage = ProjectList['responses'][200]['content']['application/json'];
type ProjectQuery = NonNullable<ProjectList['parameters']['query']>;
type Slug = paths['/v1/projects/{slug}']['get']['parameters']['path']['slug'];
type Problem = components['schemas']['Problem'];

export async function listProjects(baseUrl: string, query: ProjectQuery): Promise<ProjectPage> {
  const url = new URL('/v1/projects', baseUrl);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
  }
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}`);
  }
  return (await response.json()) as ProjectPage;
}

// The document marks no response property required, so every one is optional in the generated types.
export function slugs(page: ProjectPage): Slug[] {
  return (page.data ?? []).flatMap((project) => (project.slug === undefined ? [] : [project.slug]));
}

// limit is declared an integer, and sector one of the closed set of sectors the API takes.
export const firstPage: ProjectQuery = { limit: 10, sector: 'compute' };

// @ts-expect-error a sector outside that set does not type-check, as the API refuses it
export const unknownSector: ProjectQuery = { sector: 'telecom' };
