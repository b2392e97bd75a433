using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>Reads the evidence rows visible in a session's data version.</summary>
public static class EvidenceQuery
{
    /// <summary>Every evidence row, in project, kind, id order.</summary>
    public static Task<List<Evidence>> AllAsync(ReadSession session, CancellationToken cancellationToken) =>
        session.QueryAsync($"""
            SELECT e.id, e.project, e.kind, e.label, e.period, e.period_start, e.period_end, e.basis, e.quote,
                   {ReadSession.SourceColumns}
            FROM evidence e {session.JoinSource("e")}
            WHERE {session.Visible("e")}
            ORDER BY e.project, e.kind, e.id
            """, null,
            r => new Evidence(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), r.GetString(7), session.ReadSource(r, 9),
                r.GetString(8)),
            cancellationToken);
}
