using GraphQLEngine.Execution;

namespace GraphQLEngine.Http;

/// <summary>
/// Hooks into the request pipeline of a GraphQL endpoint: e.g. to charge a rate limiter by the query's cost, to add
/// <c>extensions</c> to the response, or to refuse a request. Add one to <see cref="GraphQLHttpOptions.Interceptors"/>
/// or register it as a service (any lifetime; scoped ones are resolved from the request's scope).
/// </summary>
/// <remarks>
/// Pipeline: receive the request's bytes → <see cref="OnReceivedAsync"/> → read its parameters (JSON, query string) →
/// <see cref="OnRequestAsync"/> → parse → validate (cached) → limits → <see cref="OnExecutingAsync"/> → execute →
/// <see cref="OnResultAsync"/> → write. A refusal from <see cref="OnReceivedAsync"/>
/// (<see cref="GraphQLReceivedRequest.Reject"/>) is written at once, as a request that is not well-formed is; a later
/// one (<see cref="GraphQLRequestContext.Reject"/>, or <see cref="GraphQLRequestContext.FailOperation"/> from
/// <see cref="OnExecutingAsync"/>) skips to <see cref="OnResultAsync"/>; a 304 from <see cref="OnExecutingAsync"/>
/// (<see cref="GraphQLRequestContext.AnswerNotModified"/>) ends the request there.
/// </remarks>
public interface IGraphQLRequestInterceptor
{
    /// <summary>
    /// The request's bytes are received and none of them read: its size is known (e.g. to charge for reading it). May
    /// refuse the request. Also called for a body that passed <see cref="GraphQLHttpOptions.MaxRequestBytes"/> while it
    /// was read (<see cref="GraphQLReceivedRequest.OverLimit"/>), with what was read of it, before its 413. Not called
    /// for a request refused before anything was read (a method other than GET, HEAD or POST, a body of another media
    /// type, a <c>Content-Length</c> over the limit).
    /// </summary>
    ValueTask OnReceivedAsync(GraphQLReceivedRequest request) => ValueTask.CompletedTask;

    /// <summary>The request parameters are read, nothing is parsed yet. May refuse the request.</summary>
    ValueTask OnRequestAsync(GraphQLRequestContext context) => ValueTask.CompletedTask;

    /// <summary>
    /// The document is valid and within the limits; <see cref="GraphQLRequestContext.Analysis"/> holds its cost.
    /// May refuse the request (e.g. when the client's budget cannot pay that cost), fail the operation, or answer a GET
    /// 304 Not Modified.
    /// </summary>
    ValueTask OnExecutingAsync(GraphQLRequestContext context) => ValueTask.CompletedTask;

    /// <summary>
    /// A result is about to be written: the executed one, or the errors of a document that did not parse, validate,
    /// fit the limits or was refused (then <see cref="ExecutionResult.HasData"/> is false). Add to
    /// <see cref="ExecutionResult.Extensions"/> here.
    /// </summary>
    ValueTask OnResultAsync(GraphQLRequestContext context, ExecutionResult result) => ValueTask.CompletedTask;
}
