using System.Globalization;
using DepinApi.Rest.Infrastructure;
using DepinApi.Screening;

namespace DepinApi.Rest.Screening;

/// <summary>
/// The CSV forms of a screening. A list is one row per project with one score column per
/// component; one project is one row per component, its inputs cited as "table/id" in one cell.
/// </summary>
public static class ScreeningCsv
{
    public static CsvColumns<ProjectScreening> ProjectRows()
    {
        var columns = new CsvColumns<ProjectScreening>()
            .Add("project", s => s.Project).Add("name", s => s.Name).Add("sector", s => s.Sector)
            .Add("rank", s => s.Rank).Add("sectorRank", s => s.SectorRank).Add("composite", s => s.Composite)
            .Add("coverage", s => s.Coverage).Add("missingComponents", s => string.Join(' ', s.MissingComponents))
            .Add("rankNote", s => s.RankNote).Add("methodologyVersion", s => s.MethodologyVersion);
        foreach (var component in Methodology.Components)
        {
            var id = component.Id;
            columns.Add($"scores.{id}", s => s.Components.Single(c => c.Id == id).Score);
        }
        return columns;
    }

    /// <summary>A component row with the project's composite repeated, so one file stands on its own.</summary>
    public sealed record ComponentRow(ProjectScreening Project, ComponentScore Component);

    public static IEnumerable<ComponentRow> Rows(ProjectScreening project) => project.Components.Select(c => new ComponentRow(project, c));

    public static CsvColumns<ComponentRow> ComponentRows() => new CsvColumns<ComponentRow>()
        .Add("project", r => r.Project.Project).Add("composite", r => r.Project.Composite).Add("coverage", r => r.Project.Coverage)
        .Add("methodologyVersion", r => r.Project.MethodologyVersion)
        .Add("component", r => r.Component.Id).Add("weight", r => r.Component.Weight).Add("score", r => r.Component.Score)
        .Add("formulaId", r => r.Component.FormulaId).Add("coverageOfComponent", r => r.Component.Coverage)
        .Add("fromLabel", r => r.Component.FromLabel).Add("arithmetic", r => r.Component.Arithmetic)
        .Add("missing", r => string.Join("; ", r.Component.Missing))
        .Add("inputs", r => string.Join("; ", r.Component.Inputs.Select(Cite)));

    private static string Cite(ScreeningInput input) => string.Create(CultureInfo.InvariantCulture,
        $"{input.Table}/{input.FigureId} {input.Role}={(input.Value is { } v ? DecimalText.Format(v) : input.Label)} ({input.AsOf}, {input.Source.Id})");
}
