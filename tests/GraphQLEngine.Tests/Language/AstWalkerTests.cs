using GraphQLEngine.Language;

namespace GraphQLEngine.Tests.Language;

public class AstWalkerTests
{
    /// <summary>Records every call as "enter Kind[:value]" / "leave …", and answers with a chosen action.</summary>
    private sealed class RecordingVisitor(List<string> log, string prefix = "",
        Func<Node, VisitAction>? onEnter = null, Func<Node, VisitAction>? onLeave = null) : AstVisitor
    {
        public List<(string Node, string? Parent, int Depth)> Contexts { get; } = [];

        public override VisitAction Enter(Node node, AstWalkContext context)
        {
            log.Add(prefix + "enter " + Describe(node));
            Contexts.Add((Describe(node), context.Parent is null ? null : Describe(context.Parent), context.Depth));
            return onEnter?.Invoke(node) ?? VisitAction.Continue;
        }

        public override VisitAction Leave(Node node, AstWalkContext context)
        {
            log.Add(prefix + "leave " + Describe(node));
            return onLeave?.Invoke(node) ?? VisitAction.Continue;
        }
    }

    private static string Describe(Node node)
    {
        var kind = node.GetType().Name[..^"Node".Length];
        return node switch
        {
            NameNode name => $"{kind}:{name.Value}",
            IntValueNode value => $"{kind}:{value.Value}",
            _ => kind,
        };
    }

    [Fact]
    public void Visits_every_node_depth_first_in_graphql_js_order()
    {
        var log = new List<string>();
        AstWalker.Walk(Parser.Parse("{ a: b(x: 1) @d { c } }"), new RecordingVisitor(log));

        Assert.Equal(
        [
            "enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field",
            "enter Name:a", "leave Name:a", "enter Name:b", "leave Name:b",
            "enter Argument", "enter Name:x", "leave Name:x", "enter IntValue:1", "leave IntValue:1", "leave Argument",
            "enter Directive", "enter Name:d", "leave Name:d", "leave Directive",
            "enter SelectionSet", "enter Field", "enter Name:c", "leave Name:c", "leave Field", "leave SelectionSet",
            "leave Field", "leave SelectionSet", "leave OperationDefinition", "leave Document",
        ], log);
    }

    [Fact]
    public void Gives_parent_and_ancestors()
    {
        var document = Parser.Parse("query Q { a }");
        AstVisitor visitor = new AncestorsProbe();
        AstWalker.Walk(document, visitor);
        var probe = (AncestorsProbe)visitor;
        Assert.Equal(["Document", "OperationDefinition", "SelectionSet"], probe.FieldAncestors);
        Assert.Equal("SelectionSet", probe.FieldParent);
        Assert.Equal("OperationDefinition", probe.FieldGrandparent);
    }

    private sealed class AncestorsProbe : AstVisitor
    {
        public List<string> FieldAncestors { get; } = [];
        public string? FieldParent { get; private set; }
        public string? FieldGrandparent { get; private set; }

        public override VisitAction Enter(Node node, AstWalkContext context)
        {
            if (node is FieldNode)
            {
                FieldAncestors.AddRange(context.Ancestors.Select(Describe));
                FieldParent = Describe(context.Parent!);
                FieldGrandparent = Describe(context.Ancestor(2)!);
                Assert.Null(context.Ancestor(4));
            }
            return VisitAction.Continue;
        }
    }

    [Fact]
    public void Skipping_a_subtree_also_skips_its_leave()
    {
        var log = new List<string>();
        var visitor = new RecordingVisitor(log, onEnter: node => node is FieldNode { Name.Value: "a" } ? VisitAction.SkipChildren : VisitAction.Continue);
        AstWalker.Walk(Parser.Parse("{ a { x } b }"), visitor);

        Assert.Equal(
        [
            "enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field",
            "enter Field", "enter Name:b", "leave Name:b", "leave Field",
            "leave SelectionSet", "leave OperationDefinition", "leave Document",
        ], log);
    }

    [Fact]
    public void Break_stops_the_walk_from_enter_or_leave()
    {
        var log = new List<string>();
        AstWalker.Walk(Parser.Parse("{ a b }"), new RecordingVisitor(log, onEnter: node => node is NameNode ? VisitAction.Break : VisitAction.Continue));
        Assert.Equal(["enter Document", "enter OperationDefinition", "enter SelectionSet", "enter Field", "enter Name:a"], log);

        log.Clear();
        AstWalker.Walk(Parser.Parse("{ a b }"), new RecordingVisitor(log, onLeave: node => node is FieldNode ? VisitAction.Break : VisitAction.Continue));
        Assert.Equal("leave Field", log[^1]);
        Assert.DoesNotContain("enter Name:b", log);
    }

    [Fact]
    public void Parallel_visitors_skip_and_break_independently()
    {
        var log = new List<string>();
        var skipper = new RecordingVisitor(log, "1 ", onEnter: node => node is FieldNode { Name.Value: "a" } ? VisitAction.SkipChildren : VisitAction.Continue);
        var breaker = new RecordingVisitor(log, "2 ", onEnter: node => node is FieldNode { Name.Value: "b" } ? VisitAction.Break : VisitAction.Continue);
        var watcher = new RecordingVisitor(log, "3 ");

        AstWalker.WalkInParallel(Parser.Parse("{ a { x } b }"), [skipper, breaker, watcher]);

        var fieldEvents = log.Where(entry => entry.Contains("Field") || entry.Contains("Name")).ToList();
        Assert.Equal(
        [
            "1 enter Field", "2 enter Field", "3 enter Field",
            "2 enter Name:a", "3 enter Name:a", "2 leave Name:a", "3 leave Name:a",
            "2 enter Field", "3 enter Field", "2 enter Name:x", "3 enter Name:x", "2 leave Name:x", "3 leave Name:x",
            "2 leave Field", "3 leave Field",
            "2 leave Field", "3 leave Field",
            "1 enter Field", "2 enter Field", "3 enter Field",
            "1 enter Name:b", "3 enter Name:b", "1 leave Name:b", "3 leave Name:b",
            "1 leave Field", "3 leave Field",
        ], fieldEvents);
        Assert.Equal("3 leave Document", log[^1]);
        Assert.Equal("1 leave Document", log[^2]);
    }

    [Fact]
    public void Walks_type_system_definitions()
    {
        var log = new List<string>();
        AstWalker.Walk(Parser.Parse("\"d\" type T implements I @k { f(a: Int = 1): [T!] }"), new RecordingVisitor(log));
        Assert.Equal(
        [
            "ObjectTypeDefinition", "StringValue", "Name:T", "NamedType", "Name:I", "Directive", "Name:k",
            "FieldDefinition", "Name:f", "InputValueDefinition", "Name:a", "NamedType", "Name:Int", "IntValue:1",
            "ListType", "NonNullType", "NamedType", "Name:T",
        ], log.Where(e => e.StartsWith("enter ") && e != "enter Document").Select(e => e["enter ".Length..]));
    }
}
