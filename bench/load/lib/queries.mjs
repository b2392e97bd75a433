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

// The GraphQL shapes of the issue, each written for this API and for PostGraphile over the same tables (its
// figures reach a project through `project_keys`, its sources through `source_keys`; `validTo: null` selects
// the current rows, `validFrom: 1` the rows of data version 1). Where PostGraphile has no equivalent of a
// feature (FRED's units), its query returns the rows the client would compute it from.

/** A page of projects after a cursor (page 2), with edges, each with two nested lists. `$after` is set per server. */
export const DEPIN_CURSOR_PAGE_QUERY = `query Page2($after: String) {
  projects(first: 3, after: $after) {
    edges {
      cursor
      node {
        slug
        name
        revenue { quarter metric amountUsd basis }
        settlementMix { date stablecoinShare nativeShare }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const DEPIN_FIRST_PAGE_QUERY = '{ projects(first: 3) { pageInfo { endCursor } } }';

export const POSTGRAPHILE_CURSOR_PAGE_QUERY = `query Page2($after: Cursor) {
  allProjectKeys(first: 3, after: $after, orderBy: [SLUG_ASC]) {
    edges {
      cursor
      node {
        slug
        projectsBySlug(condition: { validTo: null }) { nodes { name } }
        revenueFiguresByProject(condition: { validTo: null }, orderBy: [YEAR_ASC, QUARTER_ASC, METRIC_ASC]) {
          nodes { year quarter metric amountUsd basis }
        }
        settlementMixesByProject(condition: { validTo: null }, orderBy: [AS_OF_ASC]) {
          nodes { asOf stablecoinShare nativeShare }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const POSTGRAPHILE_FIRST_PAGE_QUERY = '{ allProjectKeys(first: 3, orderBy: [SLUG_ASC]) { pageInfo { endCursor } } }';

/** The nested query as data version 1 served it (the harness adds a version 2, so 1 is a past one). */
export const DEPIN_AS_OF_QUERY = `query Past {
  projects(first: 20, asOf: "1") {
    nodes {
      slug
      name
      revenue { quarter metric amountUsd basis }
      latestPrice { date priceUsd }
    }
  }
}`;

export const POSTGRAPHILE_AS_OF_QUERY = `query Past {
  allProjectKeys(first: 20) {
    nodes {
      slug
      projectsBySlug(condition: { validFrom: 1 }) { nodes { name } }
      revenueFiguresByProject(condition: { validFrom: 1 }, orderBy: [YEAR_ASC, QUARTER_ASC, METRIC_ASC]) {
        nodes { year quarter metric amountUsd basis }
      }
      tokenPricesByProject(condition: { validFrom: 1 }, orderBy: [DATE_DESC], first: 1) { nodes { date priceUsd } }
    }
  }
}`;

/** Quarter-on-quarter percent change of every revenue series (PostGraphile: the series to compute it from). */
export const DEPIN_UNITS_QUERY = `query Pch {
  projects(first: 20) {
    nodes {
      slug
      revenue(units: PCH) { quarter metric amountUsd units value }
    }
  }
}`;

export const POSTGRAPHILE_UNITS_QUERY = `query Pch {
  allProjectKeys(first: 20) {
    nodes {
      slug
      revenueFiguresByProject(condition: { validTo: null }, orderBy: [METRIC_ASC, YEAR_ASC, QUARTER_ASC]) {
        nodes { year quarter metric amountUsd }
      }
    }
  }
}`;

/** Three levels: projects → revenue figures → each figure's source. */
export const DEPIN_THREE_LEVELS_QUERY = `query Deep {
  projects(first: 20) {
    nodes {
      slug
      revenue { quarter metric amountUsd source { id publisher title publishedOn } }
    }
  }
}`;

export const POSTGRAPHILE_THREE_LEVELS_QUERY = `query Deep {
  allProjectKeys(first: 20) {
    nodes {
      slug
      revenueFiguresByProject(condition: { validTo: null }, orderBy: [YEAR_ASC, QUARTER_ASC, METRIC_ASC]) {
        nodes {
          year quarter metric amountUsd
          sourceKeyBySource { id sourcesById(condition: { validTo: null }) { nodes { publisher title publishedOn } } }
        }
      }
    }
  }
}`;

/**
 * Every revenue figure of a page of projects, cited: the ready-to-paste sentence and permalink this API writes
 * (PostGraphile: what a client needs to write them itself, the figure, its quote, the project's name and the source).
 */
export const DEPIN_CITED_QUERY = `query Cited {
  projects(first: 20) {
    nodes {
      slug
      revenue { id quarter metric amountUsd citation permalink }
    }
  }
}`;

export const POSTGRAPHILE_CITED_QUERY = `query Cited {
  allProjectKeys(first: 20) {
    nodes {
      slug
      projectsBySlug(condition: { validTo: null }) { nodes { name } }
      revenueFiguresByProject(condition: { validTo: null }, orderBy: [YEAR_ASC, QUARTER_ASC, METRIC_ASC]) {
        nodes {
          id year quarter metric amountUsd basis qualifier quote
          sourceKeyBySource { id sourcesById(condition: { validTo: null }) { nodes { publisher title publishedOn publishedLabel } } }
        }
      }
    }
  }
}`;

/** One project with every list and most scalar fields. `$slug` and the price days are set per data set. */
export const DEPIN_WIDE_QUERY = `query Wide($slug: String!, $from: Date, $to: Date) {
  project(slug: $slug) {
    slug name sector subTrack tokenSymbol chain website description
    revenue { id quarter metric amountUsd basis qualifier quote }
    settlementMix { id date stablecoinShare nativeShare label }
    tokenPrices(from: $from, to: $to) { id date priceUsd }
    latestPrice { date priceUsd }
    metrics { id period metric value }
    sources { id publisher title publishedOn }
  }
}`;

export const POSTGRAPHILE_WIDE_QUERY = `query Wide($slug: String!, $days: Int) {
  projectKeyBySlug(slug: $slug) {
    slug
    projectsBySlug(condition: { validTo: null }) { nodes { name sector subTrack tokenSymbol chain website description } }
    revenueFiguresByProject(condition: { validTo: null }, orderBy: [YEAR_ASC, QUARTER_ASC, METRIC_ASC]) {
      nodes { id year quarter metric amountUsd basis qualifier quote }
    }
    settlementMixesByProject(condition: { validTo: null }, orderBy: [AS_OF_ASC]) { nodes { id asOf stablecoinShare nativeShare label } }
    tokenPricesByProject(condition: { validTo: null }, orderBy: [DATE_DESC], first: $days) { nodes { id date priceUsd } }
    latest: tokenPricesByProject(condition: { validTo: null }, orderBy: [DATE_DESC], first: 1) { nodes { date priceUsd } }
    networkMetricsByProject(condition: { validTo: null }) { nodes { id period metric value } }
  }
}`;
