namespace DepinApi.Fairness;

/// <summary>
/// A build gave way to a newcomer (<see cref="BuildSlot.GiveWayAsync"/>) and got no turn again within
/// <paramref name="waitSeconds"/>; <see cref="FairBuildMiddleware"/> answers it as a request that got no turn at all.
/// </summary>
public sealed class BuildTurnLostException(int waitSeconds)
    : Exception($"No build turn came again within {waitSeconds} s after giving way.");
