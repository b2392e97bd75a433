using GraphQLEngine.Http;
using GraphQLEngine.TestServer;

// A minimal host of the engine's HTTP transport: what the GraphQL-over-HTTP audit and the transport tests run against.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IGraphQLRequestInterceptor, RefuseHeaderInterceptor>();

var app = builder.Build();

var options = new GraphQLHttpOptions
{
    UserContextFactory = http => ValueTask.FromResult<object?>(http.Request.Headers["X-User"].FirstOrDefault()),
};
app.Configuration.GetSection("GraphQL").Bind(options);
options.Interceptors.Add(new CostExtensionInterceptor(options.Limits.MaxCost));

app.MapGraphQL("/graphql", SampleSchema.Create(), options);
app.MapGet("/healthz", () => "ok");

app.Run();

/// <summary>Visible to <c>WebApplicationFactory</c>.</summary>
public partial class Program;
