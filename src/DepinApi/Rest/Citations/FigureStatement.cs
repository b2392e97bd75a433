namespace DepinApi.Rest.Citations;

/// <summary>
/// A figure in words, in the parts a citation and a figure page both use: what it is ("Aethir revenue"), when
/// ("Q2 2025"), the number as the source qualifies it ("$32.7 million") and its basis ("disclosed").
/// </summary>
public sealed record FigureStatement(string Subject, string Period, string Value, string Basis)
{
    /// <summary>"Aethir revenue, Q2 2025": a figure page's heading.</summary>
    public string Heading => $"{Subject}, {Period}";

    /// <summary>"$32.7 million, Q2 2025, disclosed": the figure as a person reads it.</summary>
    public string Reading => $"{Value}, {Period}, {Basis}";

    /// <summary>"Aethir revenue, Q2 2025: $32.7 million": the claim a citation starts with.</summary>
    public string Claim => $"{Subject}{PeriodSeparator}{Period}{ValueSeparator}{Value}";

    /// <summary>What comes between the subject and the period of a claim, for a citation written in place (<see cref="Citation.TokenPrice"/>).</summary>
    public const string PeriodSeparator = ", ";

    /// <summary>What comes between the period and the value of a claim.</summary>
    public const string ValueSeparator = ": ";
}
