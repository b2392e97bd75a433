namespace DepinApi.ReadModel;

/// <summary>The database holds no data version yet: nothing has been imported.</summary>
public sealed class NoDataException() : Exception("No data has been imported yet.");
