// PostGraphile 5 for the peer scenario: the amber preset (`-P postgraphile/presets/amber`) with two
// changes, both needed for it to expose these tables at all. The preset is extended here rather
// than named on the command line, because a preset listed after this file would add back the
// plugin this file disables.
//
// 1. Naming. Amber renames every column called `id` to `rowId`, but these tables also
// have a real `row_id` identity column, so the two names collide and the tables drop out of the
// schema. As PostGraphile's own V4 preset does, `id` keeps its name and the Node interface's
// global identifier is called `nodeId` instead.
//
// 2. Relations. Amber only offers a backward relation (project → its revenue figures) when the
// foreign key column leads a plain index; here those indexes are partial (`WHERE valid_to IS
// NULL`, the current rows), which its check does not count, although the queries it writes for
// `condition: { validTo: null }` use them.
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

export default {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  plugins: [
    {
      name: 'DepinBenchKeepIdColumnName',
      version: '0.0.0',
      inflection: {
        replace: {
          _attributeName(previous, options, details) {
            const name = previous(details);
            if (!details.skipRowId && name === 'row_id') {
              const attribute = details.codec.attributes[details.attributeName];
              const baseName = attribute.extensions?.tags?.name || details.attributeName;
              if (baseName.toLowerCase() === 'id' && !details.codec.isAnonymous) return 'id';
            }
            return name;
          },
          nodeIdFieldName() {
            return 'nodeId';
          },
        },
      },
    },
  ],
};
