namespace DepinApi.ReadModel;

/// <summary>The tables that hold figures with permanent ids.</summary>
public enum FigureTable { Revenue, SettlementMix, TokenPrices, NetworkMetrics, SectorFigures }

/// <summary>One stored revision of a figure: served from data version <c>ValidFrom</c> until <c>ValidTo</c> (null: still served).</summary>
public sealed record FigureRevision(int ValidFrom, int? ValidTo);

public sealed partial class ReadSession
{
    /// <summary>
    /// Every revision of the figure <paramref name="id"/>, oldest first, whatever this session's version: a page of an
    /// old version can then say that the figure was revised since, and link to each revision.
    /// </summary>
    public Task<List<FigureRevision>> FigureRevisionsAsync(FigureTable table, string id, CancellationToken cancellationToken)
    {
        // Table names are constants of this method, never request input.
        var name = table switch
        {
            FigureTable.Revenue => "revenue_figures",
            FigureTable.SettlementMix => "settlement_mix",
            FigureTable.TokenPrices => "token_prices",
            FigureTable.NetworkMetrics => "network_metrics",
            _ => "sector_figures",
        };
        return QueryAsync($"SELECT valid_from, valid_to FROM {name} WHERE id = @id ORDER BY valid_from", p => p.AddWithValue("id", id),
            r => new FigureRevision(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1)), cancellationToken);
    }
}
