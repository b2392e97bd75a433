// The nested GraphQL query of scenarios 4 and 5 — projects, each with its revenue for four
// quarters, its latest price and its settlement mix — written once for this API's schema and
// once for the schema PostGraphile derives from the same tables. On the seed data the two
// return nearly the same rows: this API 17 revenue figures in the four quarters 2025Q3–2026Q2,
// PostGraphile each project's four newest revenue figures (16).

/** This API (schema/schema.graphql). */
export const DEPIN_NESTED_QUERY = `query Nested {
  projects(first: 20) {
    nodes {
      slug
      name
      sector
      revenue(from: "2025Q3", to: "2026Q2") { quarter metric amountUsd basis }
      latestPrice { date priceUsd }
      settlementMix { date stablecoinShare nativeShare }
    }
  }
}`;

/**
 * PostGraphile 5 (amber preset) over the same database. Figures reference `project_keys`, so the
 * nesting goes through it; `validTo: null` selects the current rows, as this API does.
 */
export const POSTGRAPHILE_NESTED_QUERY = `query Nested {
  allProjectKeys(first: 20) {
    nodes {
      slug
      projectsBySlug(condition: { validTo: null }) { nodes { name sector } }
      revenueFiguresByProject(condition: { validTo: null }, orderBy: [YEAR_DESC, QUARTER_DESC], first: 4) {
        nodes { year quarter metric amountUsd basis }
      }
      tokenPricesByProject(condition: { validTo: null }, orderBy: [DATE_DESC], first: 1) { nodes { date priceUsd } }
      settlementMixesByProject(condition: { validTo: null }, orderBy: [AS_OF_ASC]) {
        nodes { asOf stablecoinShare nativeShare }
      }
    }
  }
}`;
