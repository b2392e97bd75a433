using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.Screening;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The screening scores' types (docs/methodology.md), as the screening service computes them.</summary>
internal sealed class ScreeningTypes
{
    public ScreeningTypes(GraphQLObjectType source)
    {
        var coverage = StoredEnum.Create("ScreeningCoverage", "How completely a component's formula could be fed.",
            ("full", "Every input the formula asks for was present."),
            ("partial", "Scored from a fallback the methodology documents (a label band, a growth direction without a figure)."),
            ("none", "An input was missing: no score, and the composite leaves the component out."));

        var input = new ObjectTypeBuilder<ScreeningInput>("ScreeningInput")
            .Description("A figure or claim a component used, with where it comes from.")
            .Field("role", new GraphQLNonNull(Scalars.String), f => f.Description("What the formula used it for, e.g. stablecoin_share.").Resolve(i => i.Role))
            .Field("table", new GraphQLNonNull(Scalars.String), f => f.Description("The kind of row (seed file) it lives in, e.g. settlement_mix.").Resolve(i => i.Table))
            .Field("figureId", new GraphQLNonNull(Scalars.ID), f => f.Description("The row's permanent id.").Resolve(i => i.FigureId))
            .Field("value", DecimalScalar.Type, f => f.Description("The number used, when the row gives one.").Resolve(i => i.Value))
            .Field("label", Scalars.String, f => f.Description("The label used, when the row gives a label instead of a number.").Resolve(i => i.Label))
            .Field("asOf", new GraphQLNonNull(Scalars.String), f => f.Description("The date, quarter or period the row refers to.").Resolve(i => i.AsOf))
            .Provenance(source, i => i.Basis, i => i.Qualifier, i => i.Source, i => i.Quote)
            .Build();

        var component = new ObjectTypeBuilder<ComponentScore>("ComponentScore")
            .Description("One component of a project's screening; a component without its inputs has a null score, never 0.")
            .Field("id", new GraphQLNonNull(Scalars.ID), f => f.Description("The component's stable id, e.g. settlement_quality.").Resolve(c => c.Id))
            .Field("name", new GraphQLNonNull(Scalars.String), f => f.Description("Its name.").Resolve(c => c.Name))
            .Field("weight", new GraphQLNonNull(Scalars.Int), f => f.Description("Its published weight out of 100.").Resolve(c => c.Weight))
            .Field("score", DecimalScalar.Type, f => f.Description("0 to 100, two decimals; null when an input is missing.").Resolve(c => c.Score))
            .Field("formulaId", new GraphQLNonNull(Scalars.String), f => f.Description("Which formula of the methodology produced the score.").Resolve(c => c.FormulaId))
            .Field("coverage", new GraphQLNonNull(coverage), f => f.Description("How completely the formula could be fed.").Resolve(c => c.Coverage))
            .Field("fromLabel", new GraphQLNonNull(Scalars.Boolean), f => f.Description("Whether the score came from a qualitative label rather than a figure.").Resolve(c => c.FromLabel))
            .Field("arithmetic", new GraphQLNonNull(Scalars.String), f => f.Description("The calculation with the numbers filled in.").Resolve(c => c.Arithmetic))
            .Field("inputs", ProjectType.NonNullList(input), f => f.Description("The figures the formula used.").Resolve(c => c.Inputs))
            .Field("missing", ProjectType.NonNullList(Scalars.String), f => f.Description("What the formula needed and did not find; empty when scored.").Resolve(c => c.Missing))
            .Build();

        Project = new ObjectTypeBuilder<ProjectScreening>("ProjectScreening")
            .Description("A project's screening: its components, the composite over the components present, and its ranks.")
            .Field("project", new GraphQLNonNull(Scalars.String), f => f.Description("The project's slug.").Resolve(s => s.Project))
            .Field("name", new GraphQLNonNull(Scalars.String), f => f.Description("The project's name.").Resolve(s => s.Name))
            .Field("sector", new GraphQLNonNull(DepinEnums.Sector), f => f.Description("The project's sector.").Resolve(s => s.Sector))
            .Field("methodologyVersion", new GraphQLNonNull(Scalars.String), f => f.Description("The methodology version the scores follow.").Resolve(s => s.MethodologyVersion))
            .Field("composite", DecimalScalar.Type, f => f.Description("Weighted mean of the present components, two decimals; null when none is present.").Resolve(s => s.Composite))
            .Field("coverage", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("Share of the total weight carried by present components, 0 to 1.").Resolve(s => s.Coverage))
            .Field("compositeArithmetic", new GraphQLNonNull(Scalars.String), f => f.Description("The weighted mean with the numbers filled in.").Resolve(s => s.CompositeArithmetic))
            .Field("missingComponents", ProjectType.NonNullList(Scalars.String), f => f.Description("Ids of the components without a score.").Resolve(s => s.MissingComponents))
            .Field("components", ProjectType.NonNullList(component), f => f.Description("Every component, scored or not.").Resolve(s => s.Components))
            .Field("rank", Scalars.Int, f => f.Description("Overall rank (1 = best); null when not ranked (see rankNote).").Resolve(s => s.Rank))
            .Field("sectorRank", Scalars.Int, f => f.Description("Rank among the projects of the same sector.").Resolve(s => s.SectorRank))
            .Field("rankNote", Scalars.String, f => f.Description("Why the project is unranked, or which projects it ties with.").Resolve(s => s.RankNote))
            .Build();

        var weight = new ObjectTypeBuilder<ComponentDefinition>("ScreeningWeight")
            .Description("A screening component and its weight.")
            .Field("id", new GraphQLNonNull(Scalars.ID), f => f.Description("The component's stable id.").Resolve(w => w.Id))
            .Field("name", new GraphQLNonNull(Scalars.String), f => f.Description("Its name.").Resolve(w => w.Name))
            .Field("weight", new GraphQLNonNull(Scalars.Int), f => f.Description("Its weight out of 100.").Resolve(w => w.Weight))
            .Build();

        Report = new ObjectTypeBuilder<ScreeningReport>("ScreeningReport")
            .Description("The ranked screening of every project (or of one sector) for one data version.")
            .Field("methodologyVersion", new GraphQLNonNull(Scalars.String), f => f.Description("The methodology version the scores follow.").Resolve(r => r.MethodologyVersion))
            .Field("dataVersion", new GraphQLNonNull(Scalars.Int), f => f.Description("The data version the scores were computed from.").Resolve(r => r.DataVersion))
            .Field("dataImportedAt", new GraphQLNonNull(DateTimeScalar.Type), f => f.Description("When that version was imported.").Resolve(r => r.DataImportedAt))
            .Field("weights", ProjectType.NonNullList(weight), f => f.Description("The components and their weights.").Resolve(r => r.Weights))
            .Field("rankingRule", new GraphQLNonNull(Scalars.String), f => f.Description("How projects are ranked.").Resolve(r => r.RankingRule))
            .Field("projects", ProjectType.NonNullList(Project), f => f.Description("The projects in ranked order; unranked ones last, by slug.").Resolve(r => r.Projects))
            .Build();
    }

    public GraphQLObjectType Project { get; }

    public GraphQLObjectType Report { get; }
}
