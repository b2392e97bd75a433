// The tabs GraphiQL opens with on a first visit (later visits restore the visitor's own tabs).
import allProjects from './examples/all-projects.graphql';
import projectFigures from './examples/project-figures.graphql';
import asOf from './examples/as-of.graphql';
import schemaTour from './examples/schema-tour.graphql';

const variables = (value) => JSON.stringify(value, null, 2);

export const exampleTabs = [
  { query: allProjects },
  { query: projectFigures, variables: variables({ slug: 'aethir' }) },
  { query: asOf, variables: variables({ asOf: '1' }) },
  { query: schemaTour },
];
