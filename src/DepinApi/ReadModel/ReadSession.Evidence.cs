namespace DepinApi.ReadModel;

public sealed partial class ReadSession
{
    /// <summary>Every evidence row, in project, kind, id order.</summary>
    public Task<List<Evidence>> EvidenceAsync(CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT e.id, e.project, e.kind, e.label, e.period, e.period_start, e.period_end, e.basis, e.quote,
                   {SourceColumns}
            FROM evidence e {JoinSource("e")}
            WHERE {Visible("e")}
            ORDER BY e.project, e.kind, e.id
            """, null,
            r => new Evidence(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), r.GetString(7), ReadSource(r, 9),
                r.GetString(8)),
            cancellationToken);
}
