// The tabs GraphiQL opens with on a first visit (later visits restore the visitor's own tabs). Each example is a
// .graphql document with, when it has variables, a .variables.json beside it; tests run them all against the API.
import allProjects from './examples/all-projects.graphql';
import projectFigures from './examples/project-figures.graphql';
import projectFiguresVariables from './examples/project-figures.variables.json';
import asOf from './examples/as-of.graphql';
import asOfVariables from './examples/as-of.variables.json';
import schemaTour from './examples/schema-tour.graphql';

const json = (value) => JSON.stringify(value, null, 2);

export const exampleTabs = [
  { query: allProjects },
  { query: projectFigures, variables: json(projectFiguresVariables) },
  { query: asOf, variables: json(asOfVariables) },
  { query: schemaTour },
];
