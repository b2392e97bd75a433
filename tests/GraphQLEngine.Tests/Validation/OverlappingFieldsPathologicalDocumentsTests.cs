using System.Text;
using GraphQLEngine.Error;
using GraphQLEngine.Language;
using GraphQLEngine.Tests.Validation.Harness;
using GraphQLEngine.Validation;
using GraphQLEngine.Validation.Rules;

namespace GraphQLEngine.Tests.Validation;

/// <summary>
/// Documents built to make a naive merge check explode: thousands of repeats of one field, long chains of
/// fragments spreading each other, and fragments nesting each other through fields. Each must come out with
/// exactly the errors graphql-js 16.11 reports for it (checked by running graphql-js on the same documents);
/// that they finish at all is the point, so nothing here measures time.
/// </summary>
public sealed class OverlappingFieldsPathologicalDocumentsTests
{
    private const string NameConflict =
        "Fields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.";

    private static IReadOnlyList<GraphQLError> Validate(string document) =>
        DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(document), [OverlappingFieldsCanBeMergedRule.Create], int.MaxValue);

    private static string Repeat(string line, int count) => string.Concat(Enumerable.Repeat(line, count));

    [Fact]
    public void Two_thousand_identical_leaf_fields_merge()
    {
        Assert.Empty(Validate("{\n  dog {\n" + Repeat("    name\n", 2000) + "  }\n}\n"));
    }

    [Fact]
    public void Two_thousand_identical_fields_with_subselections_merge()
    {
        Assert.Empty(Validate("{\n" + Repeat("  dog { name }\n", 2000) + "}\n"));
    }

    [Fact]
    public void Thousand_identical_fields_with_subselections_each_conflict_with_one_that_differs()
    {
        // Lines 2..1001 hold the repeated field, line 1002 the one whose subfield differs.
        var errors = Validate("{\n" + Repeat("  dog { name }\n", 1000) + "  dog { name: nickname }\n}\n");

        var expected = Enumerable.Range(0, 1000).Select(i => new ExpectedError(
            "Fields \"dog\" conflict because subfields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            (2 + i, 3), (2 + i, 9), (1002, 3), (1002, 9))).ToList();
        ValidationHarness.AssertErrors(expected, errors);
    }

    [Fact]
    public void Repeated_fields_spreading_one_fragment_report_its_conflict_once()
    {
        // The subselection of the last field is compared with the fragment once, then remembered as compared;
        // graphql-js words and locates that one conflict from the subselection's side. Lines 2..61 hold the repeats.
        var errors = Validate("{\n" + Repeat("  dog { ...DogName }\n", 60) + "  dog { name: nickname }\n}\nfragment DogName on Dog {\n  name\n}\n");

        ValidationHarness.AssertErrors(
            [new ExpectedError(
                "Fields \"dog\" conflict because subfields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (2, 3), (62, 9), (62, 3), (65, 3))],
            errors);
    }

    /// <summary>
    /// <paramref name="copies"/> copies of a field whose subselection spreads a fragment (line 3 onwards), which are
    /// compared pair by pair, fragments and all.
    /// </summary>
    private static string CopiesSpreadingFragments(int copies) =>
        "{\n  dog {\n" + Repeat("    mother { name ...A }\n", copies) + "  }\n}\n"
        + "fragment A on Dog { name ...B }\nfragment B on Dog { name }\n";

    [Theory]
    [InlineData(1150)] // 16 KB: 661,000 pairs; it took 0.3-0.5 s and 390 MB of garbage
    [InlineData(120)] // 3 KB: 7,000 pairs, against an allowance of 2,500
    public void Copies_of_a_field_spreading_fragments_past_the_allowance_of_comparisons_are_refused(int copies)
    {
        // graphql-js accepts these documents after making every comparison; the engine refuses one once it has made
        // as many as its length allows, at the selection set where they ran out.
        var document = Parser.Parse(CopiesSpreadingFragments(copies));
        var allowance = OverlappingFieldsConflictFinder.AllowanceFor(document);
        IReadOnlyList<GraphQLError> errors = [];

        var allocated = AllocatedBytes(() => errors = DocumentValidator.Validate(
            ValidationHarness.TestSchema, document, [OverlappingFieldsCanBeMergedRule.Create], int.MaxValue));

        ValidationHarness.AssertErrors([new ExpectedError(OverlappingFieldsCanBeMergedRule.TooManyComparisonsMessage(allowance), (2, 7))], errors);
        // The garbage grows with the document's length (its field maps, about 50 bytes a character here), not with its
        // pairs: 390 MB for the 1,150 copies before the allowance, 9.4 MB with a list and a delegate made per comparison.
        Assert.InRange(allocated, 0, document.Loc!.Value.End * 128L);
    }

    [Fact]
    public void Copies_of_a_field_spreading_fragments_within_the_allowance_merge()
    {
        // 40 copies, 780 pairs: as graphql-js, no error.
        Assert.Empty(Validate(CopiesSpreadingFragments(40)));
    }

    [Fact]
    public void Two_thousand_identical_fields_with_arguments_each_conflict_with_one_that_differs()
    {
        // Lines 3..2002 hold the repeated field, line 2003 the one with another argument value.
        var errors = Validate("{\n  dog {\n" + Repeat("    doesKnowCommand(dogCommand: SIT)\n", 2000)
            + "    doesKnowCommand(dogCommand: HEEL)\n  }\n}\n");

        var expected = Enumerable.Range(0, 2000).Select(i => new ExpectedError(
            "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.",
            (3 + i, 5), (2003, 5))).ToList();
        ValidationHarness.AssertErrors(expected, errors);
    }

    private const string ArgumentConflict =
        "Fields \"human\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.";

    /// <summary>Line 2 + i holds <c>human(id: i) { name }</c>: every pair of lines conflicts.</summary>
    private static DocumentNode FieldRepeatedWithDifferingArguments(int count) =>
        Parser.Parse("{\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"  human(id: {i}) {{ name }}\n")) + "}\n");

    [Fact]
    public void Field_repeated_with_differing_arguments_reports_the_first_conflicts_up_to_the_error_limit()
    {
        var errors = DocumentValidator.Validate(
            ValidationHarness.TestSchema, FieldRepeatedWithDifferingArguments(1600), [OverlappingFieldsCanBeMergedRule.Create]);

        // As graphql-js orders them: the first field against each later one, then the limit's notice.
        var expected = Enumerable.Range(1, DocumentValidator.DefaultMaxErrors)
            .Select(j => new ExpectedError(ArgumentConflict, (2, 3), (2 + j, 3)))
            .Append(new ExpectedError(DocumentValidator.TooManyErrorsMessage));
        ValidationHarness.AssertErrors([.. expected], errors);
    }

    [Fact]
    public void Field_repeated_with_differing_arguments_stops_searching_at_the_error_limit()
    {
        // Every pair conflicts, so working out all conflicts grows with the square of the repeats, although the
        // validator keeps only the first hundred. Allocation is counted rather than time, since it does not
        // depend on the machine's load: four times the repeats must cost about four times as much (the field
        // map, signatures and shapes), not sixteen.
        var small = FieldRepeatedWithDifferingArguments(400);
        var large = FieldRepeatedWithDifferingArguments(1600);
        IReadOnlyList<ValidationRule> rule = [OverlappingFieldsCanBeMergedRule.Create];
        DocumentValidator.Validate(ValidationHarness.TestSchema, small, rule);

        var smallBytes = AllocatedBytes(() => DocumentValidator.Validate(ValidationHarness.TestSchema, small, rule));
        var largeBytes = AllocatedBytes(() => DocumentValidator.Validate(ValidationHarness.TestSchema, large, rule));

        Assert.InRange(largeBytes / (double)smallBytes, 1, 8);
    }

    /// <summary>
    /// Two <c>dog</c> fields that each select the response name <c>x</c> <paramref name="repeats"/> times, as
    /// <c>name</c> in one and <c>nickname</c> in the other: every pair of the two sides' <c>x</c> conflicts.
    /// </summary>
    private static string SubfieldsConflictingPairwise(int repeats) =>
        "{\n  dog {\n" + Repeat("    x: name\n", repeats) + "  }\n  dog {\n" + Repeat("    x: nickname\n", repeats) + "  }\n}\n";

    [Fact]
    public void A_conflict_names_a_bounded_number_of_its_subfields_conflicts()
    {
        // graphql-js names all 1,000,000 pairs in one message (70 million characters) with 2,000,002 locations.
        var error = Assert.Single(Validate(SubfieldsConflictingPairwise(1000)));

        const string reason = "subfields \"x\" conflict because \"name\" and \"nickname\" are different fields";
        Assert.Equal(
            "Fields \"dog\" conflict because " + string.Join(" and ", Enumerable.Repeat(reason, OverlappingFieldsConflictFinder.MaxSubfieldConflicts))
            + ". Use different aliases on the fields to fetch both if this was intentional.",
            error.Message);
        Assert.Equal(2 + 2 * OverlappingFieldsConflictFinder.MaxSubfieldConflicts, error.Locations.Count);
    }

    [Fact]
    public void Subfields_conflicting_pairwise_are_checked_in_linear_work()
    {
        // Allocation stands in for work, as above: four times the repeats, sixteen times the pairs, about four times
        // the field maps and no more.
        var small = Parser.Parse(SubfieldsConflictingPairwise(250));
        var large = Parser.Parse(SubfieldsConflictingPairwise(1000));
        IReadOnlyList<ValidationRule> rule = [OverlappingFieldsCanBeMergedRule.Create];
        DocumentValidator.Validate(ValidationHarness.TestSchema, small, rule);

        var smallBytes = AllocatedBytes(() => DocumentValidator.Validate(ValidationHarness.TestSchema, small, rule));
        var largeBytes = AllocatedBytes(() => DocumentValidator.Validate(ValidationHarness.TestSchema, large, rule));

        Assert.InRange(largeBytes / (double)smallBytes, 1, 8);
    }

    [Fact]
    public void Chain_of_fragments_that_only_spread_the_next_is_checked_in_linear_work()
    {
        // Each fragment's selection set is compared with the fragments it leads to; with no fields of its own there
        // is nothing to compare, and walking the rest of the chain from every fragment would grow with the square
        // of its length. Allocation stands in for work, as above.
        static DocumentNode Chain(int count) => Parser.Parse(
            "{ dog { ...F0 } }\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"fragment F{i} on Dog {{ ...F{i + 1} }}\n"))
            + $"fragment F{count} on Dog {{ name }}\n",
            new ParseOptions { MaxTokens = 0 });
        var small = Chain(1000);
        var large = Chain(4000);
        IReadOnlyList<ValidationRule> rule = [OverlappingFieldsCanBeMergedRule.Create];
        Assert.Empty(DocumentValidator.Validate(ValidationHarness.TestSchema, small, rule));

        var smallBytes = AllocatedBytes(() => DocumentValidator.Validate(ValidationHarness.TestSchema, small, rule));
        var largeBytes = AllocatedBytes(() => DocumentValidator.Validate(ValidationHarness.TestSchema, large, rule));

        Assert.InRange(largeBytes / (double)smallBytes, 1, 8);
    }

    private static long AllocatedBytes(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Arguments_that_differ_only_in_input_object_field_order_merge_when_repeated()
    {
        var query = new StringBuilder("{\n  complicatedArgs {\n");
        for (var i = 0; i < 400; i++)
            query.Append(i % 2 == 0
                ? "    complexArgField(complexArg: { requiredField: true, intField: 1, stringListField: [\"a\", \"b\"] })\n"
                : "    complexArgField(complexArg: { stringListField: [\"a\", \"b\"], intField: 1, requiredField: true })\n");
        query.Append("  }\n}\n");

        Assert.Empty(Validate(query.ToString()));
    }

    /// <summary>
    /// <c>F0 … F48</c> each select <c>name</c> and spread the next; <c>F49</c> aliases <c>nickname</c> as <c>name</c>.
    /// The operation spreads all fifty side by side, so every pair of fragments and every fragment with every
    /// chain it starts must be compared: memoised, each comparison happens once (a hundred of them would take more
    /// comparisons than a document of their length is allowed).
    /// </summary>
    [Fact]
    public void Fifty_fragments_spreading_each_other_in_a_chain()
    {
        const int count = 50;
        var document = new StringBuilder("{\n  dog {\n");
        for (var i = 0; i < count; i++) document.Append($"    ...F{i}\n");
        document.Append("  }\n}\n");
        for (var i = 0; i < count - 1; i++) document.Append($"fragment F{i} on Dog {{\n  name\n  ...F{i + 1}\n}}\n");
        document.Append($"fragment F{count - 1} on Dog {{\n  name: nickname\n}}\n");

        var errors = Validate(document.ToString());

        // Operation: lines 1..54. Fragment Fi starts on line 55 + 4i, so its `name` is on 56 + 4i; F49's alias is on 252.
        // graphql-js reports each fragment's `name` against F49 twice: once where the operation spreads the fragments
        // side by side, and once where the chain from F0 is followed.
        var oneRound = Enumerable.Range(0, count - 1).Select(i => new ExpectedError(NameConflict, (56 + 4 * i, 3), (252, 3)));
        ValidationHarness.AssertErrors([.. oneRound, .. oneRound], errors);
    }

    [Fact]
    public void Thirty_fragments_in_a_chain_without_conflicts()
    {
        const int count = 30;
        var document = new StringBuilder("{\n  dog {\n    name\n");
        for (var i = 0; i < count; i++) document.Append($"    ...F{i}\n");
        document.Append("  }\n}\n");
        for (var i = 0; i < count - 1; i++) document.Append($"fragment F{i} on Dog {{\n  name\n  ...F{i + 1}\n  ...F{count - 1}\n}}\n");
        document.Append($"fragment F{count - 1} on Dog {{\n  name\n  barks\n}}\n");

        Assert.Empty(Validate(document.ToString()));
    }

    /// <summary>
    /// Two chains of a hundred fragments, each nesting the next inside <c>relatives</c>, ending in <c>x: name</c>
    /// and <c>x: pets</c>. Spread side by side, the chains are compared level by level down to the conflict,
    /// which is reported once, at the top, through all hundred levels.
    /// </summary>
    [Fact]
    public void Two_chains_of_fragments_nested_through_fields_conflict_at_the_bottom()
    {
        const int count = 100;
        var document = new StringBuilder("{\n  human {\n    ...A0\n    ...B0\n  }\n}\n");
        foreach (var (prefix, last) in new[] { ("A", "x: name"), ("B", "x: pets") })
        {
            for (var i = 0; i < count - 1; i++)
                document.Append($"fragment {prefix}{i} on Human {{\n  relatives {{\n    ...{prefix}{i + 1}\n  }}\n}}\n");
            document.Append($"fragment {prefix}{count - 1} on Human {{\n  {last}\n}}\n");
        }

        var error = Assert.Single(Validate(document.ToString()));

        var expectedMessage = "Fields \"relatives\" conflict because "
            + Repeat("subfields \"relatives\" conflict because ", count - 2)
            + "subfields \"x\" conflict because \"name\" and \"pets\" are different fields. Use different aliases on the fields to fetch both if this was intentional.";
        Assert.Equal(expectedMessage, error.Message);

        // Chain A: fragment Ai starts on line 7 + 5i, its `relatives` one line below; A99's `x` is on line 503.
        // Chain B follows after 498 + 3 lines. All of A's fields come first, then all of B's.
        var chainA = Enumerable.Range(0, count - 1).Select(i => new ErrorLocation(8 + 5 * i, 3)).Append(new ErrorLocation(503, 3));
        var chainB = Enumerable.Range(0, count - 1).Select(i => new ErrorLocation(506 + 5 * i, 3)).Append(new ErrorLocation(1001, 3));
        Assert.Equal([.. chainA, .. chainB], error.Locations);
    }

    [Fact]
    public void Fragments_nesting_fields_deeper_than_the_stack_allows_are_refused_with_an_error()
    {
        // 20,000 levels through fragments: no stack holds a recursive comparison that deep (graphql-js overflows).
        const int count = 20_000;
        var document = new StringBuilder("{\n  human {\n    ...A0\n    ...B0\n  }\n}\n");
        foreach (var (prefix, last) in new[] { ("A", "x: name"), ("B", "x: pets") })
        {
            for (var i = 0; i < count - 1; i++)
                document.Append($"fragment {prefix}{i} on Human {{ relatives {{ ...{prefix}{i + 1} }} }}\n");
            document.Append($"fragment {prefix}{count - 1} on Human {{ {last} }}\n");
        }
        var parsed = Parser.Parse(document.ToString(), new ParseOptions { MaxTokens = int.MaxValue });

        var errors = DocumentValidator.Validate(ValidationHarness.TestSchema, parsed, [OverlappingFieldsCanBeMergedRule.Create]);

        var error = Assert.Single(errors);
        Assert.Equal(OverlappingFieldsCanBeMergedRule.TooDeepMessage, error.Message);
        Assert.Equal([new ErrorLocation(2, 9)], error.Locations);
    }
}
