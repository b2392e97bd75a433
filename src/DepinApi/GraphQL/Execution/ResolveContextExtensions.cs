using DepinApi.ReadModel;
using GraphQLEngine.Execution;

namespace DepinApi.GraphQL.Execution;

/// <summary>Access to the request's state from a resolver.</summary>
internal static class ResolveContextExtensions
{
    public static GraphQLRequestState State(this ResolveContext context) =>
        context.UserContext as GraphQLRequestState
        ?? throw new InvalidOperationException("The GraphQL endpoint runs requests with a GraphQLRequestState as user context.");

    public static Task<ReadSession> SessionAsync(this ResolveContext context) => context.State().SessionAsync(context);

    public static Task<Rest.Models.FigureViews> FigureViewsAsync(this ResolveContext context) => context.State().FigureViewsAsync(context);

    public static Task<Rest.Models.FigureViews> PreferredRevenueAsync(this ResolveContext context) =>
        context.State().PreferredRevenueAsync(context);
}
