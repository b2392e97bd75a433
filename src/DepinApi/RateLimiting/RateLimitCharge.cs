namespace DepinApi.RateLimiting;

/// <summary>The outcome of <see cref="IRateLimitLedger.ChargeRequest"/>.</summary>
/// <param name="Admitted">The request has paid its cost and may run.</param>
/// <param name="Cost">The total cost that was asked for.</param>
/// <param name="Status">The budget after the charge; null when the request is not rate limited.</param>
/// <param name="RetryAfter">When refused: how long until the balance is above zero and a request is admitted again; null when the shared store does not answer.</param>
/// <param name="Refusal">When refused: a sentence naming the limit, the cost, the budget and when to come back.</param>
public sealed record RateLimitCharge(bool Admitted, long Cost, RateLimitStatus? Status, TimeSpan? RetryAfter, string? Refusal);
