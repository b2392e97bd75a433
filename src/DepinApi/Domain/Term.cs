namespace DepinApi.Domain;

/// <summary>One value of a <see cref="ClosedVocabulary"/>: as stored (snake_case) and what it means.</summary>
public sealed record Term(string Value, string Description);
