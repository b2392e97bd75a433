namespace DepinApi.Import;

/// <summary>How the rows of one file compare with the current rows of its table.</summary>
public sealed record TableCounts(int Added, int Changed, int Removed, int Unchanged)
{
    public bool HasChanges => Added + Changed + Removed > 0;
}
