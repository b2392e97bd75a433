using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GraphQLEngine.Tests.Http;

/// <summary>The engine's test server (tests/GraphQLEngine.TestServer) in memory, with small limits set through configuration.</summary>
public class TestServerFactory : WebApplicationFactory<Program>
{
    public const int ExecutionTimeoutMilliseconds = 300;
    public const int MaxAliases = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GraphQL:ExecutionTimeout", TimeSpan.FromMilliseconds(ExecutionTimeoutMilliseconds).ToString());
        builder.UseSetting("GraphQL:MaxRequestBytes", "4096");
        builder.UseSetting("GraphQL:MaxQueryLength", "2000");
        builder.UseSetting("GraphQL:Limits:MaxAliases", MaxAliases.ToString());
    }
}
