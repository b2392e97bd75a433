// The nested GraphQL query of scenarios 4 and 5 — projects, each with its revenue for four
// quarters, its latest price and its settlement mix — written once for this API's schema and
// once for the schema PostGraphile derives from the same tables.

/** This API (schema/schema.graphql). */
export const DEPIN_NESTED_QUERY = `query Nested {
  projects {
    slug
    name
    sector
    revenue(last: 4) { quarter metric amountUsd basis }
    latestPrice { date priceUsd }
    settlementMix { asOf stablecoinShare nativeShare }
  }
}`;

/**
 * PostGraphile 5 (amber preset) over the same database. Figures reference `project_keys`, so the
 * nesting goes through it; `validTo: null` selects the current rows, as this API does.
 */
export const POSTGRAPHILE_NESTED_QUERY = `query Nested {
  allProjectKeys {
    nodes {
      slug
      projectsBySlug(condition: { validTo: null }) { nodes { name sector } }
      revenueFiguresByProject(condition: { validTo: null }, orderBy: [YEAR_DESC, QUARTER_DESC], first: 4) {
        nodes { year quarter metric amountUsd basis }
      }
      tokenPricesByProject(condition: { validTo: null }, orderBy: [DATE_DESC], first: 1) { nodes { date priceUsd } }
      settlementMixesByProject(condition: { validTo: null }, orderBy: [AS_OF_DESC], first: 1) {
        nodes { asOf stablecoinShare nativeShare }
      }
    }
  }
}`;
